using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// Building a plan in the portal: a new draft plan of any period, then its strategic tasks
/// and sub-projects. The structure changes only while the plan is a draft; after adoption
/// the yearly tables change through revisions.
/// </summary>
[Authorize(Policy = Policies.EditPlans)]
[Route("plans")]
public sealed class PlanStructureController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(new NewPlanViewModel(new NewPlanEditModel { FirstYear = Formats.KoreanToday(clock).Year + 1, LastYear = Formats.KoreanToday(clock).Year + 4 }, await DepartmentOptions.LoadAsync(db, cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Input")] NewPlanEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var department = input.OwningDepartmentId is { } departmentId ? await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId, cancellationToken) : null;
        if (input.OwningDepartmentId is not null && department is null)
        {
            ModelState.AddModelError($"Input.{nameof(input.OwningDepartmentId)}", "등록된 부서를 고르세요.");
        }

        if (input.PeriodError() is { } periodError)
        {
            ModelState.AddModelError($"Input.{nameof(input.LastYear)}", periodError);
        }

        if (ModelState.IsValid && await db.Plans.AnyAsync(p => p.District == input.District.Trim() && p.FirstYear == input.FirstYear && p.Title == input.Title.Trim(), cancellationToken))
        {
            ModelState.AddModelError($"Input.{nameof(input.Title)}", "같은 자치단체에 같은 시작연도와 계획명의 계획이 이미 있습니다.");
        }

        if (!ModelState.IsValid)
        {
            return View(new NewPlanViewModel(input, await DepartmentOptions.LoadAsync(db, cancellationToken)));
        }

        var plan = new BasicPlan(input.Title, input.District, department!, new YearRange(input.FirstYear!.Value, input.LastYear!.Value), input.Vision);
        foreach (var goal in (input.Goals ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            plan.AddGoal(goal);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = "새 기본계획을 '작성중' 상태로 만들었습니다. 추진과제와 세부사업을 추가하세요.";
        return RedirectToAction(nameof(Structure), new { id = plan.Id });
    }

    [HttpGet("{id:int}/structure")]
    public async Task<IActionResult> Structure(int id, CancellationToken cancellationToken) =>
        await ViewModelAsync(id, new NewTaskEditModel(), new NewSubProjectEditModel(), cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/structure/tasks")]
    public async Task<IActionResult> AddTask(int id, [Bind(Prefix = "Task")] NewTaskEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.SubProjects).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => plan.BeginStructureChange().AddTask(input.Number!.Value, input.Name, input.ShortName), $"Task.{nameof(input.Number)}");
        }

        return await SaveOrShowAsync(id, input, new NewSubProjectEditModel(), $"Task.{nameof(input.Number)}", "추진과제를 추가했습니다.", cancellationToken);
    }

    [HttpPost("{id:int}/structure/subprojects")]
    public async Task<IActionResult> AddSubProject(int id, [Bind(Prefix = "SubProject")] NewSubProjectEditModel input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.SubProjects).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var task = plan.Tasks.FirstOrDefault(t => t.Number == input.TaskNumber);
        var department = input.LeadDepartmentId is { } departmentId ? await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId, cancellationToken) : null;
        if (input.TaskNumber is not null && task is null)
        {
            ModelState.AddModelError($"SubProject.{nameof(input.TaskNumber)}", "이 계획의 추진과제를 고르세요.");
        }

        if (input.LeadDepartmentId is not null && department is null)
        {
            ModelState.AddModelError($"SubProject.{nameof(input.LeadDepartmentId)}", "등록된 부서를 고르세요.");
        }

        if (ModelState.IsValid)
        {
            ModelState.TryApply(() => plan.BeginStructureChange().Tasks.First(t => t.Number == input.TaskNumber).AddSubProject(input.Code, input.Name, department!, plan.Period), $"SubProject.{nameof(input.Code)}");
        }

        return await SaveOrShowAsync(id, new NewTaskEditModel(), input, $"SubProject.{nameof(input.Code)}", "세부사업을 추가했습니다.", cancellationToken);
    }

    private async Task<IActionResult> SaveOrShowAsync(int id, NewTaskEditModel task, NewSubProjectEditModel subProject, string field, string notice, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.TrySaveStructureAsync(ModelState, field, cancellationToken))
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Structure), new { id });
        }

        return View(nameof(Structure), await ViewModelAsync(id, task, subProject, cancellationToken));
    }

    private async Task<PlanStructureViewModel?> ViewModelAsync(int id, NewTaskEditModel task, NewSubProjectEditModel subProject, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return plan is null
            ? null
            : new PlanStructureViewModel(
                plan.Id,
                plan.Title,
                Formats.Period(plan.Period),
                plan.Tasks.Select(t => new Option(t.Number.ToString(Formats.Korean), $"{t.Number}. {t.Name}")).ToList(),
                await DepartmentOptions.LoadAsync(db, cancellationToken),
                task,
                subProject);
    }
}
