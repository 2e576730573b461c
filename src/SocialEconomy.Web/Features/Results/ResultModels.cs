using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Results;

namespace SocialEconomy.Web.Features.Results;

/// <summary>
/// The year page's form as posted. Fields are keyed by the row ("i12" an indicator, "m7" a
/// milestone row, "b3" a budget line), so that one form carries any sub-project's tables.
/// </summary>
public sealed class ResultEditModel
{
    public Guid? Version { get; set; }

    public Dictionary<string, string?> Actual { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Judgement { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Executed { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> State { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Note { get; set; } = new(StringComparer.Ordinal);

    [Display(Name = "추진실적")]
    [DataType(DataType.MultilineText)]
    public string? Achievements { get; set; }

    [Display(Name = "문제점")]
    [DataType(DataType.MultilineText)]
    public string? Problems { get; set; }

    [Display(Name = "개선방안")]
    [DataType(DataType.MultilineText)]
    public string? Improvements { get; set; }

    /// <summary>"save" keeps a draft; "submit" saves, then submits when nothing is missing.</summary>
    public string? Intent { get; set; }

    /// <summary>The form field of the evidence file sent with a save: its refusal is the model error of this key.</summary>
    public const string FileField = "file";

    public static string IndicatorKey(int id) => $"i{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string MilestoneKey(int id) => $"m{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string BudgetKey(int id) => $"b{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

public sealed record IndicatorRow(
    string Key,
    string Name,
    string Unit,
    string Kind,
    string Direction,
    string Target,
    bool NeedsJudgement,
    string? Input,
    Judgement? Judgement,
    string? Problem,
    string Rate,
    string? Theirs);

public sealed record MilestoneRow(string Key, string Label, string PlanText, MilestoneState? State, string? Note, string? Problem, string? Theirs);

public sealed record BudgetRow(string Key, string Name, string Unit, string Planned, string? Input, string? Problem, string Rate, string? Theirs);

public sealed record ItemBlock(string Name, IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<MilestoneRow> Milestones);

public sealed record TimelineRow(string Step, string Actor, string At, string? Comment);

public sealed record AttachmentRow(int Id, string FileName, string Size, string UploadedBy, string UploadedAt);

public sealed record NarrativeField(string Name, string Label, string? Value, string? Theirs);

public sealed record ResultPageViewModel(
    int PlanId,
    string PlanTitle,
    int Year,
    string Code,
    string Name,
    string LeadDepartment,
    ResultStatus Status,
    Guid? Version,
    string? Deadline,
    bool PeriodOpen,
    bool Overdue,
    bool CanEdit,
    bool CanReview,
    string? Refusal,
    IReadOnlyList<ItemBlock> Items,
    IReadOnlyList<BudgetRow> Budget,
    IReadOnlyList<NarrativeField> Narratives,
    string Achievement,
    string Execution,
    string BudgetUnit,
    IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<AttachmentRow> Attachments,
    IReadOnlyList<string> Gaps,
    bool Conflict)
{
    /// <summary>Why the results came back (반려 or 재개), shown at the top of the page while they are returned.</summary>
    public TimelineRow? ReturnReason { get; init; }
}
