namespace SocialEconomy.Domain.Planning;

/// <summary>
/// Whether a part of a plan's structure may be removed. A part that still has children is
/// refused with a message telling what to remove first; this is the one place deciding it,
/// so a later rule (for example "has results") is added here for every entity type.
/// </summary>
public static class StructureRemoval
{
    /// <summary>The Korean reason the part may not be removed, or null when it may.</summary>
    public static string? Refusal(object part)
    {
        ArgumentNullException.ThrowIfNull(part);
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
