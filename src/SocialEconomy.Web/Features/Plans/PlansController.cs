using Microsoft.AspNetCore.Mvc;

namespace SocialEconomy.Web.Features.Plans;

[Route("plans")]
public sealed class PlansController(PlanQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.ListAsync(cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Overview(int id, CancellationToken cancellationToken) =>
        await queries.OverviewAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/finance")]
    public async Task<IActionResult> Finance(int id, CancellationToken cancellationToken) =>
        await queries.FinancialPlanAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/subprojects/{code}")]
    public async Task<IActionResult> SubProject(int id, string code, CancellationToken cancellationToken) =>
        await queries.SubProjectAsync(id, code, cancellationToken) is { } model ? View(model) : NotFound();
}
