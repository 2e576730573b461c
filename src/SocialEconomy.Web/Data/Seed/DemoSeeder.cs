using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Data.Seed;

/// <summary>
/// Development only: a clearly fictitious 시·도 예시도 above 성북구 and a fictitious 예시군,
/// each with its own demo accounts (README), and 예시군's small plan, loaded through the plan
/// workbook import as an official would load it (the departments it names are created by the
/// import's confirmation step), so that the demo shows more than one organisation. Every step
/// looks for what it would make first, so a restart adds nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, AccountSeeder accounts, PlanWorkbookService workbooks, FrameworkSeeder frameworks, ILogger<DemoSeeder> log)
{
    public const string ProvinceName = "예시도";
    public const string CountyName = "예시도 예시군";
    public const string CountyShortName = "예시군";
    public const string PlanTitle = "예시군 사회적경제 기본계획";
    public const string CoordinatingDepartment = "일자리경제과";
    public const int FirstYear = 2025;
    public const int LastYear = 2029;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var province = await EnsureGovernmentAsync(GovernmentLevel.Province, ProvinceName, ProvinceName, null, cancellationToken);
        var county = await EnsureGovernmentAsync(GovernmentLevel.Local, CountyName, CountyShortName, province, cancellationToken);
        var seongbuk = await db.LocalGovernments.SingleAsync(g => g.ShortName == GovernmentSeeder.ReferenceShortName, cancellationToken);
        if (seongbuk.ParentId is null)
        {
            seongbuk.PlaceUnder(province);
            await db.SaveChangesAsync(cancellationToken);
        }

        await frameworks.SeedAsync(cancellationToken);
        await EnsurePlanAsync(county, cancellationToken);

        await accounts.EnsureAccountsAsync(county.Id,
        [
            new("yesi-admin", "예시군 기관관리자", Roles.GovernmentAdmin),
            new("yesi-coordinator", "예시군 주무부서 담당", Roles.Coordinator, CoordinatingDepartment),
            new("yesi-officer", $"예시군 사업담당자({CoordinatingDepartment})", Roles.DepartmentOfficer, CoordinatingDepartment),
            new("yesi-viewer", "예시군 열람자", Roles.Viewer),
        ]);
        await accounts.EnsureAccountsAsync(province.Id,
        [
            new("province-coordinator", "예시도 주무부서 담당", Roles.Coordinator),
            new("province-viewer", "예시도 열람자", Roles.Viewer),
        ]);
        log.LogWarning("Development demo governments {Province} and {County} are present (accounts in README)", ProvinceName, CountyName);
    }

    /// <summary>The demo plan as a domain plan; only its workbook is used, so its departments are never saved from here.</summary>
    public static BasicPlan DemoPlan()
    {
        var government = new LocalGovernment(GovernmentLevel.Local, CountyName, CountyShortName);
        var jobs = new Department(government, CoordinatingDepartment);
        var welfare = new Department(government, "주민복지과");
        var farming = new Department(government, "농업정책과");
        var period = new YearRange(FirstYear, LastYear);
        var plan = new BasicPlan(PlanTitle, CountyShortName, jobs, period, "사람과 마을이 함께 성장하는 예시군 사회적경제");
        plan.Describe("2025~2029 (시연용 가상 계획)", "함께 일하고 함께 나누는 예시군", "시연용 가상 자치단체의 계획입니다. 실제 기관과 관계없습니다.", "「예시군 사회적경제 육성 조례」 제5조 (가상)");
        plan.SetFinancialPlan(Unit.MillionWon, null);
        plan.AddGoal("사회적경제 기업 100개 육성");
        plan.AddGoal("사회적경제 일자리 500개 창출");

        var tasks = new[]
        {
            (Name: "사회적경제 기업 육성", Short: "기업 육성", Subs: new[] { ("창업 지원", jobs, "창업 교육 수료", Unit.Persons), ("판로 개척 지원", jobs, "공공구매 연계", Unit.Companies), ("전문 컨설팅", jobs, "컨설팅 지원", Unit.Cases) }),
            (Name: "지역 순환경제 조성", Short: "순환경제", Subs: new[] { ("로컬푸드 협동조합 지원", farming, "참여 농가", Unit.Items), ("마을기업 공간 조성", farming, "공간 조성", Unit.Places) }),
            (Name: "사회서비스 연계", Short: "사회서비스", Subs: new[] { ("돌봄 사회적협동조합 연계", welfare, "돌봄 이용자", Unit.Persons), ("취약계층 일자리 연계", welfare, "일자리 연계", Unit.Persons) }),
        };
        for (var t = 0; t < tasks.Length; t++)
        {
            var task = plan.AddTask(t + 1, tasks[t].Name, tasks[t].Short);
            for (var s = 0; s < tasks[t].Subs.Length; s++)
            {
                var (name, department, indicatorName, unit) = tasks[t].Subs[s];
                var subProject = task.AddSubProject($"{t + 1}-{s + 1}", name, department, period);
                subProject.Describe([$"{name}을(를) 통한 사회적경제 확산"], $"{name} 사업의 개요 (시연용)");
                var item = subProject.AddActionItem($"{name} 운영", null);
                item.Describe($"{name} 운영 (시연용)", [$"{name} 계획 수립", "- 연도별 운영"], $"{unit.Symbol}/백만원");
                var indicator = item.AddIndicator(indicatorName, unit, IndicatorKind.Count, TotalRule.Sum, null);
                var milestone = item.AddMilestone("추진 단계");
                var line = subProject.AddBudgetLine($"{name} 사업비", Unit.MillionWon, item);
                foreach (var (year, index) in period.Years.Select((y, i) => (y, i)))
                {
                    indicator.SetTarget(year, TargetValue.OfNumber(10 + (5 * index) + s));
                    milestone.SetText(year, index == 0 ? "기본계획 수립" : "사업 추진");
                    line.SetAmount(year, 100m + (20m * index) + (10m * s));
                }
            }
        }

        return plan;
    }

    private async Task<LocalGovernment> EnsureGovernmentAsync(GovernmentLevel level, string name, string shortName, LocalGovernment? parent, CancellationToken cancellationToken)
    {
        var government = await db.LocalGovernments.FirstOrDefaultAsync(g => g.Name == name, cancellationToken);
        if (government is null)
        {
            government = new LocalGovernment(level, name, shortName, code: null, parent: parent);
            db.LocalGovernments.Add(government);
            await db.SaveChangesAsync(cancellationToken);
        }

        return government;
    }

    /// <summary>The workbook import, twice as a coordinator would do it: the upload, then the confirmation of the departments it lists.</summary>
    private async Task EnsurePlanAsync(LocalGovernment county, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.LocalGovernmentId == county.Id && p.Title == PlanTitle, cancellationToken))
        {
            return;
        }

        var content = PlanWorkbookWriter.Write(DemoPlan());
        var request = new PlanImportRequest(county.Id, null, MayCreateDepartments: true, []);
        var result = await ImportAsync(content, request, cancellationToken);
        if (result.NeedsConfirmation)
        {
            result = await ImportAsync(content, request with { ConfirmedDepartments = result.NewDepartments.Select(d => d.Name).ToList() }, cancellationToken);
        }

        if (result.PlanId is not { } id)
        {
            throw new InvalidOperationException("The demo plan workbook was refused: " + string.Join("; ", result.Problems));
        }

        // The import makes a draft; the demo government's plan is adopted and running, as 성북구's is.
        var plan = await db.Plans.SingleAsync(p => p.Id == id, cancellationToken);
        var others = await db.Plans.Where(p => p.LocalGovernmentId == county.Id && p.Id != id).ToListAsync(cancellationToken);
        plan.Adopt();
        plan.MakeCurrent(others);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Seeded the demo plan {Title} of {Government} through the workbook import", PlanTitle, CountyName);
    }

    private async Task<PlanImportResult> ImportAsync(byte[] content, PlanImportRequest request, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await workbooks.ImportAsync("예시군_기본계획.xlsx", content.Length, stream, request, cancellationToken);
    }
}
