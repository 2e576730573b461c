using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Seed;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>The Seongbuk-gu plan as the first start loads it into a real SQLite file.</summary>
public class SeedTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    private Task<BasicPlan> LoadPlanAsync() => factory.WithDbAsync(db => db.Plans.AsNoTracking().AsSplitQuery()
        .Include(p => p.OwningDepartment)
        .Include(p => p.Goals)
        .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
        .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
        .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
        .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
        .SingleAsync());

    [Fact]
    public async Task Seed_PlanHasItsVisionGoalsTasksAndSubProjects()
    {
        var plan = await LoadPlanAsync();

        Assert.Equal("성북구", plan.District);
        Assert.Equal("마을사회적경제과", plan.OwningDepartment.Name);
        Assert.Equal(new YearRange(2017, 2020), plan.Period);
        Assert.Equal(PlanStatus.Adopted, plan.Status);
        Assert.Equal("지속가능한 사회적경제 공동체 구축", plan.Vision);
        Assert.Equal(3, plan.Goals.Count);
        Assert.Equal(4, plan.Tasks.Count);
        Assert.Equal([3, 3, 3, 4], plan.Tasks.Select(t => t.SubProjects.Count));
        Assert.Equal(
            ["1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "4-1", "4-2", "4-3", "4-4"],
            plan.SubProjects.Select(s => s.Code));
        Assert.Contains("제6조", plan.LegalBasis, StringComparison.Ordinal);
        Assert.All(plan.SubProjects, s => Assert.NotEmpty(s.Directions));
        Assert.All(plan.SubProjects, s => Assert.NotEmpty(s.ActionItems));
    }

    [Fact]
    public async Task Seed_FinancialPlanTotalsAreComputedFromTheLines()
    {
        var financial = FinancialPlan.Build(await LoadPlanAsync());

        Assert.Equal(Unit.MillionWon, financial.Unit);
        Assert.Equal(1_645m, financial.Total.For(2017));
        Assert.Equal(1_784m, financial.Total.For(2018));
        Assert.Equal(1_739m, financial.Total.For(2019));
        Assert.Equal(1_994m, financial.Total.For(2020));

        // The source prints 7,156 as 총액, but its own yearly totals add up to 7,162
        // (1,645 + 1,784 + 1,739 + 1,994): the computed grand total follows the lines.
        Assert.Equal(7_162m, financial.Total.Total);
        Assert.Equal(20, financial.Tasks.Sum(t => t.LineCount) - NonBudgetLines(financial));
        Assert.Equal(4, NonBudgetLines(financial));
    }

    [Theory]
    [InlineData("1-1", "발굴단 구성", 2017, "3")]
    [InlineData("1-1", "발굴단 구성", 2020, "6")]
    [InlineData("1-1", "워크숍 및 우수사례 탐방", 2017, "운영계획 수립")]
    [InlineData("1-2", "목표시설수", 2020, "7")]
    [InlineData("1-3", "도시재생사업과 연계한 맞춤형 교육", 2020, "1,000")]
    [InlineData("2-1", "교육인원", 2017, "위탁교육신설")]
    [InlineData("2-1", "사업목표 (인지도)", 2018, "41.9")]
    [InlineData("2-1", "사업목표 (교육인원)", 2017, "500")]
    [InlineData("2-3", "지원 (국·시)", 2020, "25 (9억)")]
    [InlineData("2-3", "협동조합 사업운영률", 2019, "58")]
    [InlineData("2-3", "성공모델 (스타기업) 발굴", 2017, "40,000 (서울시 공모사업 선정)")]
    [InlineData("4-1", "위원회 개최", 2019, "4")]
    [InlineData("4-3", "공공의무구매", 2020, "120")]
    public async Task Seed_IndicatorTargetMatchesTheSource(string code, string indicator, int year, string expected)
    {
        var plan = await LoadPlanAsync();

        var row = plan.SubProjects.Single(s => s.Code == code).ActionItems.SelectMany(a => a.Indicators).Single(i => i.Name == indicator);

        Assert.Equal(expected, row.TargetFor(year).Format(Korean));
    }

    [Theory]
    [InlineData("1-1", "발굴단 구성", "개", "18")]
    [InlineData("1-3", "도시재생사업과 연계한 맞춤형 교육", "명", "1,900")]
    [InlineData("2-1", "사업목표 (인지도)", "%", "매년10% 상승")]
    [InlineData("2-1", "사업목표 (교육인원)", "명", "3,500")]
    [InlineData("2-3", "지원 (국·시)", "업체", "77 (27억)")]
    [InlineData("2-3", "협동조합 사업운영률", "%", "57 (평균)")]
    [InlineData("4-3", "공공의무구매", "억원", "320")]
    [InlineData("4-1", "사업비", "천원", "28,000")]
    public async Task Seed_IndicatorTotalIsComputedWithItsUnit(string code, string indicator, string unit, string expectedTotal)
    {
        var plan = await LoadPlanAsync();

        var row = plan.SubProjects.Single(s => s.Code == code).ActionItems.SelectMany(a => a.Indicators).Single(i => i.Name == indicator);

        Assert.Equal(unit, row.Unit.Symbol);
        Assert.Equal(expectedTotal, row.Total().Format(Korean));
    }

    /// <summary>
    /// Every 계 the source prints is checked against the computed total, so a typo in the
    /// seed file or a wrong total rule cannot pass unnoticed.
    /// </summary>
    [Fact]
    public async Task Seed_EveryPrintedIndicatorTotalEqualsTheComputedOne()
    {
        var file = await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath);
        var plan = await LoadPlanAsync();
        var mismatches = new List<string>();
        foreach (var seedSub in file.Plan.Tasks.SelectMany(t => t.SubProjects))
        {
            var sub = plan.SubProjects.Single(s => s.Code == seedSub.Code);
            foreach (var (seedItem, item) in seedSub.ActionItems.Zip(sub.ActionItems))
            {
                foreach (var (seedIndicator, indicator) in (seedItem.Indicators ?? []).Zip(item.Indicators))
                {
                    Assert.Equal(seedIndicator.Name, indicator.Name);
                    var stated = TargetValue.Parse(seedIndicator.StatedTotal, indicator.Unit);
                    var computed = indicator.Total();
                    if (stated.Number is not null && stated.Number != computed.Number)
                    {
                        mismatches.Add($"{seedSub.Code} {item.Name} {indicator.Name}: printed {seedIndicator.StatedTotal}, computed {computed.Format(Korean)}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Seed_BudgetLineTotalsMatchThePrintedOnesButOne()
    {
        var file = await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath);
        var plan = await LoadPlanAsync();
        var lines = plan.SubProjects.SelectMany(s => s.BudgetLines).ToList();
        var mismatches = file.Plan.Tasks.SelectMany(t => t.SubProjects).SelectMany(s => s.ActionItems).SelectMany(a => a.BudgetLines ?? [])
            .Where(l => l.StatedTotal is not null && lines.Single(x => x.Name == l.Name).Total(Unit.MillionWon) != l.StatedTotal)
            .Select(l => l.Name)
            .ToList();

        // The source prints 17 for 사회적경제 포럼 개최 whose years are 1 + 4 + 4 + 4 = 13.
        Assert.Equal(["사회적경제 포럼 개최"], mismatches);
    }

    [Fact]
    public async Task Seed_MoneyRowsOfTheYearlyTablesAgreeWithTheFinancialPlanAfterConversion()
    {
        var plan = await LoadPlanAsync();
        var item = plan.SubProjects.Single(s => s.Code == "1-1").ActionItems[0];
        var budget = item.SubProject.BudgetLines.Single(l => l.ActionItemId == item.Id);
        var cost = item.Indicators.Single(i => i.Kind == IndicatorKind.Amount);

        Assert.Equal(Unit.ThousandWon, cost.Unit);
        Assert.Equal(budget.Total(Unit.ThousandWon), cost.Total().Number);
    }

    [Fact]
    public async Task Seed_MilestonesKeepTheirYearlyTexts()
    {
        var plan = await LoadPlanAsync();
        var milestones = plan.SubProjects.SelectMany(s => s.ActionItems).SelectMany(a => a.Milestones).ToList();

        Assert.Contains(milestones, m => m.TextFor(2018) == "조직개편 T/F구성");
        Assert.Contains(milestones, m => m.TextFor(2019)?.Contains("지역재단 설립", StringComparison.Ordinal) == true);
        Assert.Contains(milestones, m => m.TextFor(2017)?.Contains("기금 조성(550백만원)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Seed_SecondRun_AddsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<PlanSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Indicators.CountAsync();

        var added = await seeder.SeedAsync(await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath));

        Assert.False(added);
        Assert.Equal(1, await db.Plans.CountAsync());
        Assert.Equal(before, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task Seed_OcrTyposAreFixed()
    {
        var plan = await LoadPlanAsync();
        var texts = plan.SubProjects.SelectMany(s => s.BudgetLines.Select(b => b.Name)
            .Concat(s.ActionItems.Select(a => a.Name))
            .Concat(s.ActionItems.Select(a => a.Summary ?? string.Empty))
            .Concat(s.Directions)
            .Append(s.Overview ?? string.Empty)
            .Concat(s.ActionItems.SelectMany(a => a.Details))
            .Concat(s.ActionItems.SelectMany(a => a.Milestones).SelectMany(m => m.Entries).Select(e => e.Text))
            .Concat(s.ActionItems.SelectMany(a => a.Indicators).SelectMany(i => i.Targets).Select(t => t.Text ?? string.Empty)))
            .Append(plan.Tasks[2].Name)
            .ToList();

        foreach (var typo in new[] { "용자", "전문기양성", "지생력", "조차의", "참여사파악", "위탁교육산설", "감담회" })
        {
            Assert.DoesNotContain(texts, t => t.Contains(typo, StringComparison.Ordinal));
        }

        Assert.Contains(texts, t => t == "사회투자기금(융자사업)");
        Assert.Contains(texts, t => t == "전문가양성교육");
    }

    private static int NonBudgetLines(FinancialPlan financial) =>
        financial.Tasks.SelectMany(t => t.SubProjects).SelectMany(s => s.Lines).Count(l => l.Figures.IsNonBudget);
}
