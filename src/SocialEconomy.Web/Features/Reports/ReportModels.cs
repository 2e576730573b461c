using SocialEconomy.Web.Features.Plans;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>The title block every printed report opens with, and whether its data is a draft (watermarked 초안).</summary>
public sealed record ReportHeader(string Office, string PlanTitle, string ReportName, string Date, bool IsDraft, string? DraftReason);

public sealed record FinanceReportViewModel(ReportHeader Header, FinancialPlanViewModel Finance);
