using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Features.PlanStructure;

namespace SocialEconomy.Web.Features.Comprehensive;

public sealed class VerdictEditModel
{
    [DataType(DataType.MultilineText)]
    public string? Assessment { get; set; }

    public Recommendation? Recommendation { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// A sub-project's achievement and execution in one year (confirmed results only): as shown
/// (a percentage, or why there is none) and as numbers for the workbook when there are some.
/// </summary>
public sealed record YearFigure(int Year, string Achievement, string Execution, decimal? AchievementRate, decimal? ExecutionRate);

public sealed record VerdictRow(string Code, string Name, string Department, IReadOnlyList<YearFigure> Years, VerdictEditModel Form, string? Recommendation, string? WrittenBy, bool HasError);

public sealed record ComprehensiveViewModel(
    int PlanId,
    string PlanTitle,
    bool Started,
    int DefaultAfterYear,
    int? AfterYear,
    bool IsFinal,
    bool CanJudge,
    IReadOnlyList<(int Id, string Name)> Panel,
    IReadOnlyList<Option> Candidates,
    IReadOnlyList<int> Years,
    IReadOnlyList<VerdictRow> Rows,
    string? Directions,
    Guid Version);
