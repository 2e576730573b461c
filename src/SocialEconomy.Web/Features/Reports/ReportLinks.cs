namespace SocialEconomy.Web.Features.Reports;

/// <summary>The links above a print view on screen: its PDF, its Excel file and the page it was opened from.</summary>
public sealed record ReportLinks(string? Pdf, string? Workbook, string? Back)
{
    public const string Key = nameof(ReportLinks);
}
