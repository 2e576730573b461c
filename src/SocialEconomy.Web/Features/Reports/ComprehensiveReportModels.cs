using SocialEconomy.Web.Features.Comprehensive;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>One sub-project of the 총괄평가 report: its figures by year and the panel's judgement.</summary>
public sealed record ComprehensiveReportRow(string Code, string Name, string Department, IReadOnlyList<YearFigure> Years, string? Assessment, string? Recommendation, string? Reason);

public sealed record ComprehensiveReportTask(int Number, string Name, IReadOnlyList<ComprehensiveReportRow> Rows);

/// <summary>총괄평가 결과 보고서: the panel, every sub-project's figures and verdict by task, and the directions for the next plan.</summary>
public sealed record ComprehensiveReportViewModel(
    ReportHeader Header,
    int PlanId,
    int FirstYear,
    int AfterYear,
    string State,
    IReadOnlyList<string> Panel,
    IReadOnlyList<int> Years,
    IReadOnlyList<ComprehensiveReportTask> Tasks,
    string? Directions);
