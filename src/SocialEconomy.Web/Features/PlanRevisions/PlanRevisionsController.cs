using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data.Auditing;

namespace SocialEconomy.Web.Features.PlanRevisions;

/// <summary>신구대비표 of a plan, on screen and as .xlsx; readable by every signed-in user, like the plan.</summary>
[Route("plans/{id:int}/revisions")]
public sealed class PlanRevisionsController(RevisionTableQuery query, AuditLog audit, ILogger<PlanRevisionsController> log) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, RevisionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var model = await query.LoadAsync(id, ModelState.IsValid ? filter : new RevisionFilter(), cancellationToken);
        return model is null ? NotFound() : View(model with { Filter = filter });
    }

    [HttpGet("workbook")]
    public async Task<IActionResult> Workbook(int id, RevisionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var model = await query.LoadAsync(id, filter, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.Exported, detail: $"plan {id} revision table", cancellationToken: cancellationToken);
        log.LogInformation("Revision table of plan {PlanId} exported by {User}", id, User.Identity?.Name);
        return File(RevisionWorkbook.Write(model), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"신구대비표-{id}.xlsx");
    }
}
