using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Plans;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Home;

public sealed class HomeController(PlanQueries queries, AppDbContext db, PlanSnapshots snapshots, TimeProvider clock) : Controller
{
    /// <summary>The dashboard: each of the reader's roles adds its section (docs/dashboard.md), then the plan list.</summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = Formats.KoreanToday(clock);
        var current = await CurrentYear.FindAsync(db, today, cancellationToken);
        var runs = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);
        return View(new HomeViewModel(
            current,
            await ThisYear.FindAsync(db, today, cancellationToken),
            runs && current is not null ? await CoordinatorSection.BuildAsync(db, snapshots, User, current, today, cancellationToken) : null,
            User.IsInRole(Roles.DepartmentOfficer) && current is not null ? await OfficerSection.BuildAsync(db, snapshots, User, current, today, cancellationToken) : null,
            User.IsInRole(Roles.CommitteeMember) ? await MemberSection.BuildAsync(db, User, cancellationToken) : null,
            User.IsInRole(Roles.Viewer) && !runs && current is not null ? await ViewerSection.BuildAsync(db, snapshots, User, current, cancellationToken) : null,
            await queries.ListAsync(cancellationToken)));
    }

    /// <summary>The Korean error page; the reference id lets the office find the log line.</summary>
    // Re-executed with the failed request's method, so POSTs land here too; it changes nothing.
    // The code is read from the route, not bound: binding builds every value provider, and the
    // form provider of a refused or unreadable body would fail and leave the code unbound.
    [AcceptVerbs("GET", "HEAD", "POST", Route = "/error/{statusCode:int?}")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error()
    {
        var code = int.TryParse(HttpContext.GetRouteValue("statusCode")?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var routed) && routed is >= 400 and <= 599
            ? routed
            : StatusCodes.Status500InternalServerError;
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
        {
            code = StatusCodes.Status500InternalServerError;
        }

        Response.StatusCode = code;
        return View(new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}

public sealed record HomeViewModel(
    CurrentYear? Current,
    ThisYear ThisYear,
    CoordinatorSection? Coordinator,
    OfficerSection? Officer,
    MemberSection? Member,
    ViewerSection? Viewer,
    IReadOnlyList<PlanListItem> Plans)
{
    public bool HasCharts => Coordinator is not null || Viewer is not null;
}

public sealed record ErrorViewModel(int StatusCode, string ReferenceId)
{
    public string Title => StatusCode switch
    {
        StatusCodes.Status404NotFound => "페이지를 찾을 수 없습니다",
        StatusCodes.Status403Forbidden => "접근 권한이 없습니다",
        StatusCodes.Status400BadRequest => "요청을 처리할 수 없습니다",
        StatusCodes.Status413PayloadTooLarge => "보낸 내용이 너무 큽니다",
        _ => "일시적인 오류가 발생했습니다",
    };
}
