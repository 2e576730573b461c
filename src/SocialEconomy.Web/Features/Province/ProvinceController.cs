using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Province;

/// <summary>
/// 시·도 현황: a 시·도's 주무부서 and 열람자 read — never edit — the confirmed results of the
/// 시·군·구 under it, side by side. Anyone else, and the officers of a 시·군·구, get 404.
/// </summary>
[Route("province")]
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Viewer}")]
public sealed class ProvinceController(ProvinceOverview overview, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken cancellationToken)
    {
        var model = await overview.BuildAsync(User.GovernmentId(), Shown(year), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>One 시·군·구 under the signer's 시·도: its sub-projects of the year, confirmed figures only.</summary>
    [HttpGet("{governmentId:int}")]
    public async Task<IActionResult> Government(int governmentId, int? year, CancellationToken cancellationToken)
    {
        var model = await overview.GovernmentAsync(User.GovernmentId(), governmentId, Shown(year), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    private int Shown(int? year) => year is >= 2000 and <= 2100 ? year.Value : Formats.KoreanToday(clock).Year;
}
