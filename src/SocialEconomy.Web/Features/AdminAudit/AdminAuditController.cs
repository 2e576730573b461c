using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminAudit;

/// <summary>
/// 감사 기록: a read-only search of the audit trail for administrators and the
/// coordinating department. There is deliberately no POST: audit rows are never edited
/// through the application (AppDbContext refuses it as well).
/// </summary>
[Route("admin/audit")]
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AdminAuditController(AuditQueries queries) : Controller
{
    // [FromQuery] keeps the route's own "action" value from binding to the 행위 filter.
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditSearchModel search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var fromText = AttemptedOr(nameof(AuditSearchModel.From), search.From);
        var toText = AttemptedOr(nameof(AuditSearchModel.To), search.To);
        InKorean(nameof(AuditSearchModel.From), AuditSearchModel.DateFormat);
        InKorean(nameof(AuditSearchModel.To), AuditSearchModel.DateFormat);
        InKorean(nameof(AuditSearchModel.Action), AuditSearchModel.ActionUnknown);
        if (ModelState.TryGetValue(nameof(AuditSearchModel.Page), out var page) && page.Errors.Count > 0)
        {
            // A page number that is not a number is simply the first page.
            ModelState.Remove(nameof(AuditSearchModel.Page));
            search.Page = 1;
        }

        var valid = ModelState.IsValid;
        var results = valid ? await queries.SearchAsync(search, User.IsInRole(Roles.Admin), cancellationToken) : new AuditPage([], 0, 1, 1);
        return View(new AuditSearchViewModel(
            search,
            fromText,
            toText,
            valid,
            await queries.EntityTypesAsync(User.IsInRole(Roles.Admin), cancellationToken),
            AuditQueries.Actions,
            results.Items,
            results.TotalCount,
            results.Page,
            results.PageCount));
    }

    private string AttemptedOr(string key, DateOnly? value) =>
        ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted
            : value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Model binding's own messages are English ("The value 'x' is not valid…"); these fields get one Korean message.</summary>
    private void InKorean(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry)
            && entry.Errors.Any(e => !string.Equals(e.ErrorMessage, AuditSearchModel.DateAfterEnd, StringComparison.Ordinal)))
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
