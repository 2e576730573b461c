namespace SocialEconomy.Domain.Planning;

/// <summary>
/// Whether a part of a plan's structure may be removed. A part that still has children is
/// refused with a message telling what to remove first; this is the one place deciding it,
/// so a later rule (for example "has results") is added here for every entity type.
/// </summary>
public static class StructureRemoval
{
    /// <summary>The Korean reason the part may not be removed, or null when it may.</summary>
    /// <param name="recorded">What has results entered against it; such a part is never removed.</param>
    public static string? Refusal(object part, RecordedResults? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (recorded?.Refusal(part) is { } hasResults)
        {
            return hasResults;
        }

        return part switch
        {
            StrategicTask task when task.SubProjects.Count > 0 =>
                $"추진과제 '{task.Name}'에 세부사업 {task.SubProjects.Count}개가 있습니다. 세부사업을 먼저 삭제하세요.",
            SubProject sub when sub.ActionItems.Count > 0 || sub.BudgetLines.Count > 0 =>
                $"세부사업 '{sub.Code} {sub.Name}'에 {Children((sub.ActionItems.Count, "단위사업"), (sub.BudgetLines.Count, "예산 항목"))}이(가) 있습니다. 먼저 삭제하세요.",
            ActionItem item when item.Indicators.Count > 0 || item.Milestones.Count > 0 || FundingLines(item) > 0 =>
                $"단위사업 '{item.Name}'에 {Children((item.Indicators.Count, "성과지표"), (item.Milestones.Count, "연도별 추진계획"), (FundingLines(item), "이 단위사업에 연결된 예산 항목"))}이(가) 있습니다. 먼저 삭제하세요.",
            StrategicTask or SubProject or ActionItem or Indicator or Milestone or BudgetLine => null,
            _ => throw new ArgumentException($"Not a part of a plan's structure: {part.GetType().Name}", nameof(part)),
        };
    }

    internal static void EnsureRemovable(object part)
    {
        if (Refusal(part) is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    private static int FundingLines(ActionItem item) =>
        item.SubProject?.BudgetLines.Count(b => ReferenceEquals(b.ActionItem, item) || (item.Id != 0 && b.ActionItemId == item.Id)) ?? 0;

    private static string Children(params (int Count, string Label)[] children) =>
        string.Join(", ", children.Where(c => c.Count > 0).Select(c => $"{c.Label} {c.Count}개"));
}

/// <summary>
/// The parts of a plan that yearly results (and, through them, evaluations) refer to: the
/// sub-projects with a results row, and the indicators, milestone rows and budget lines with
/// an entered value. Removing any of them, or what holds them, would orphan a record.
/// </summary>
public sealed record RecordedResults(IReadOnlySet<int> SubProjects, IReadOnlySet<int> Indicators, IReadOnlySet<int> Milestones, IReadOnlySet<int> BudgetLines)
{
    public static RecordedResults None { get; } = new(new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>());

    public string? Refusal(object part) => part switch
    {
        StrategicTask task when task.SubProjects.Any(s => SubProjects.Contains(s.Id)) =>
            $"추진과제 '{task.Name}'의 세부사업에 연도별 실적이 입력되어 있어 삭제할 수 없습니다.",
        SubProject sub when SubProjects.Contains(sub.Id) =>
            $"세부사업 '{sub.Code} {sub.Name}'에 연도별 실적이 입력되어 있어 삭제할 수 없습니다.",
        ActionItem item when item.Indicators.Any(i => Indicators.Contains(i.Id)) || item.Milestones.Any(m => Milestones.Contains(m.Id)) =>
            $"단위사업 '{item.Name}'의 지표나 추진계획에 연도별 실적이 입력되어 있어 삭제할 수 없습니다.",
        Indicator indicator when Indicators.Contains(indicator.Id) =>
            $"성과지표 '{indicator.Name}'에 연도별 실적이 입력되어 있어 삭제할 수 없습니다.",
        Milestone milestone when Milestones.Contains(milestone.Id) =>
            "이 연도별 추진계획 행에 추진 상황이 입력되어 있어 삭제할 수 없습니다.",
        BudgetLine line when BudgetLines.Contains(line.Id) =>
            $"예산 항목 '{line.Name}'에 집행액이 입력되어 있어 삭제할 수 없습니다.",
        _ => null,
    };
}
