using System.ComponentModel.DataAnnotations;

namespace SocialEconomy.Web.Features.PlanEditing;

/// <summary>
/// What the yearly-tables form posts: every cell as typed, keyed "t{indicator}y{year}",
/// "m{milestone}y{year}" or "b{budget line}y{year}"; the version the form started from; and
/// the reason, required once the plan is adopted. Keys of rows outside the sub-project are
/// ignored.
/// </summary>
public sealed class TablesEditModel
{
    public Guid Version { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    // Some cells are textareas (TablesFormCell.Multiline): all may carry line breaks, every other TextRules rule holds.
    [DataType(DataType.MultilineText)]
    public Dictionary<string, string?> Cells { get; set; } = new(StringComparer.Ordinal);

    public static string TargetKey(int indicatorId, int year) => $"t{indicatorId}y{year}";

    public static string MilestoneKey(int milestoneId, int year) => $"m{milestoneId}y{year}";

    public static string BudgetKey(int lineId, int year) => $"b{lineId}y{year}";

    public static string FieldName(string key) => $"Cells[{key}]";
}

public sealed record TablesFormViewModel(
    int PlanId,
    string PlanTitle,
    string Code,
    string Name,
    string Status,
    bool ReasonRequired,
    IReadOnlyList<int> Years,
    IReadOnlyList<TablesFormSection> Sections,
    IReadOnlyList<TablesFormRow> BudgetRows,
    TablesEditModel Form,
    bool HasConflict);

public sealed record TablesFormSection(string ActionItem, IReadOnlyList<TablesFormRow> Rows);

/// <summary>A row of inputs: its label, unit, and per year the cell key and, after a conflict, the value someone else saved.</summary>
public sealed record TablesFormRow(string Label, string? Unit, string Kind, IReadOnlyList<TablesFormCell> Cells);

public sealed record TablesFormCell(int Year, string Key, bool Disabled, bool Multiline, string? TheirValue);
