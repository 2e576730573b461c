using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// Changing parts of a draft plan in place: edit a part's fields, move it up or down among
/// its siblings, stop sharing a sub-project with a department. The edit form carries the
/// plan's StructureVersion; when another coordinator changed the structure meanwhile the
/// save is refused and both values are shown beside each field.
/// </summary>
[Authorize(Policy = Policies.EditPlans)]
[Route("plans/{id:int}/structure")]
public sealed class PlanStructurePartsController(AppDbContext db) : Controller
{
    private const string EditView = "EditPart";

    [HttpGet("edit/{kind}/{entityId:int}")]
    public async Task<IActionResult> Edit(int id, string kind, int entityId, CancellationToken cancellationToken)
    {
        var plan = await StructureParts.LoadAsync(db, id, cancellationToken);
        var part = plan is null ? null : StructureParts.Find(plan, kind, entityId);
        if (plan is null || part is null)
        {
            return NotFound();
        }

        var fields = StructurePartForm.Fields(part, await ChoicesAsync(cancellationToken));
        return View(EditView, new EditPartViewModel(plan.Id, plan.Title, kind, entityId, StructureParts.Describe(part), plan.StructureVersion, fields, plan.StructureChangeRefusal, Conflict: false));
    }

    [HttpPost("edit/{kind}/{entityId:int}")]
    public async Task<IActionResult> Edit(int id, string kind, int entityId, Guid version, [FromForm, DataType(DataType.MultilineText)] Dictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var plan = await StructureParts.LoadAsync(db, id, cancellationToken);
        var part = plan is null ? null : StructureParts.Find(plan, kind, entityId);
        if (plan is null || part is null)
        {
            return NotFound();
        }

        var choices = await ChoicesAsync(cancellationToken);
        var description = StructureParts.Describe(part);
        if (plan.StructureVersion != version)
        {
            return ConflictView(plan, kind, entityId, description, part, values, choices);
        }

        if (plan.StructureChangeRefusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }
        // ModelState holds only what TextRules refused (the values are a dictionary of text, some
        // multi-line, hence the looser rule on all of them); the form then comes back as typed.
        else if (ModelState.IsValid && StructurePartForm.Apply(part, values, choices, ModelState))
        {
            plan.BeginStructureChange();
            StructureParts.SubProjectOf(part)?.MarkChanged();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Notice"] = $"{StructureParts.Describe(part)}을(를) 고쳤습니다.";
                return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id }, $"{kind}-{entityId}");
            }
            catch (DbUpdateConcurrencyException)
            {
                // Lost a race after the version check: show what the other save left behind.
                db.ChangeTracker.Clear();
                var fresh = await StructureParts.LoadAsync(db, id, cancellationToken);
                var freshPart = fresh is null ? null : StructureParts.Find(fresh, kind, entityId);
                return fresh is null || freshPart is null ? NotFound() : ConflictView(fresh, kind, entityId, description, freshPart, values, choices);
            }
        }

        // Typed values stay; each problem is beside its field.
        var typed = Typed(StructurePartForm.Fields(part, choices), values);
        return View(EditView, new EditPartViewModel(plan.Id, plan.Title, kind, entityId, description, version, typed, plan.StructureChangeRefusal, Conflict: false));
    }

    [HttpPost("move/{kind}/{entityId:int}")]
    public async Task<IActionResult> Move(int id, string kind, int entityId, [FromForm] string? direction, CancellationToken cancellationToken)
    {
        var plan = await StructureParts.LoadAsync(db, id, cancellationToken);
        var part = plan is null ? null : StructureParts.Find(plan, kind, entityId);
        if (plan is null || part is null)
        {
            return NotFound();
        }

        var delta = direction switch { "up" => -1, "down" => 1, _ => 0 };
        if (delta == 0)
        {
            TempData["Notice"] = "위로 또는 아래로 옮길 수 있습니다.";
            return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id });
        }

        var description = StructureParts.Describe(part);
        try
        {
            plan.BeginStructureChange();
            if (!StructureParts.Move(plan, part, delta))
            {
                TempData["Notice"] = $"{description}은(는) 이미 {(delta < 0 ? "맨 위" : "맨 아래")}에 있습니다.";
                return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id }, $"{kind}-{entityId}");
            }

            StructureParts.SubProjectOf(part)?.MarkChanged();
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
            return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id });
        }

        TempData["Notice"] = await db.TrySaveStructureAsync(ModelState, string.Empty, cancellationToken)
            ? $"{description}을(를) {(delta < 0 ? "위로" : "아래로")} 옮겼습니다."
            : StructureSave.ConflictMessage;
        return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id }, $"{kind}-{entityId}");
    }

    [HttpPost("subprojects/{code}/sharing/{departmentId:int}/remove")]
    public async Task<IActionResult> StopSharing(int id, string code, int departmentId, CancellationToken cancellationToken)
    {
        var plan = await StructureParts.LoadAsync(db, id, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => s.Code == code);
        var sharing = sub?.SharingDepartments.FirstOrDefault(s => s.DepartmentId == departmentId);
        if (plan is null || sub is null || sharing is null)
        {
            return NotFound();
        }

        try
        {
            plan.BeginStructureChange();
            sub.StopSharingWith(departmentId);
            sub.MarkChanged();
        }
        catch (DomainException e)
        {
            TempData["Notice"] = e.Message;
            return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id });
        }

        TempData["Notice"] = await db.TrySaveStructureAsync(ModelState, string.Empty, cancellationToken)
            ? $"{sharing.Department.Name}을(를) 세부사업 {sub.Code}의 협조부서에서 제외했습니다. 이 부서 담당자는 이제 이 세부사업을 편집할 수 없습니다."
            : StructureSave.ConflictMessage;
        return RedirectToAction(nameof(PlanStructureController.Structure), "PlanStructure", new { id }, $"subproject-{sub.Id}");
    }

    private ViewResult ConflictView(BasicPlan plan, string kind, int entityId, string description, object part, IReadOnlyDictionary<string, string?> values, PartChoices choices)
    {
        ModelState.AddModelError(string.Empty, "다른 사용자가 이 화면을 연 뒤에 계획의 추진체계를 바꿨습니다. 칸마다 입력한 값과 지금 저장된 값을 함께 보여 줍니다. 확인한 뒤 다시 저장하면 입력한 값으로 저장됩니다.");
        var saved = StructurePartForm.Fields(part, choices);
        var fields = Typed(saved, values)
            .Select(f => saved.First(s => s.Name == f.Name) is var theirs && (theirs.Value ?? string.Empty) != (f.Value ?? string.Empty) ? f with { Theirs = theirs.Show(theirs.Value) } : f)
            .ToList();

        // The form now carries the current version: saving again is a deliberate overwrite.
        return View(EditView, new EditPartViewModel(plan.Id, plan.Title, kind, entityId, description, plan.StructureVersion, fields, plan.StructureChangeRefusal, Conflict: true));
    }

    private static List<PartField> Typed(IReadOnlyList<PartField> fields, IReadOnlyDictionary<string, string?> values) =>
        fields.Select(f => f with { Value = values.TryGetValue(f.Name, out var typed) ? typed : f.Type == PartFieldType.Checkbox ? null : f.Value }).ToList();

    private async Task<PartChoices> ChoicesAsync(CancellationToken cancellationToken) =>
        new(await db.Departments.Where(d => d.IsActive).OrderBy(d => d.LocalGovernment.ShortName).ThenBy(d => d.Name).ToListAsync(cancellationToken));
}

public sealed record EditPartViewModel(int PlanId, string PlanTitle, string Kind, int EntityId, string Description, Guid Version, IReadOnlyList<PartField> Fields, string? Refusal, bool Conflict);
