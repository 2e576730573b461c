using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.Web.Data.Seed;

/// <summary>
/// The default self-evaluation and external evaluation tables of the seed's section VII,
/// added once on every database (they are reference data, not demo data). A year's
/// evaluation copies them; the copies are what the T/F adjusts and scores against.
/// The 목표의 달성도 bands are the portal's default, not the seed's: the seed leaves them
/// to the T/F (docs/evaluations.md).
/// </summary>
public sealed class FrameworkSeeder(AppDbContext db)
{
    public const string SelfTitle = "자체평가지표(기본)";
    public const string ExternalTitle = "외부평가지표(기본)";

    private const string Targets = "성과목표·지표";
    private const string Monitoring = "모니터링";
    private const string Feedback = "평가결과 반영";

    /// <summary>Gives every government without them its own default tables, which its T/F may then adjust.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var missing = await db.LocalGovernments
            .Where(g => !db.EvaluationFrameworks.IgnoreQueryFilters().Any(f => f.IsDefault && f.LocalGovernmentId == g.Id))
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in missing)
        {
            db.EvaluationFrameworks.Add(SelfDefault(id));
            db.EvaluationFrameworks.Add(ExternalDefault(id));
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static EvaluationFramework SelfDefault(int localGovernmentId)
    {
        var f = new EvaluationFramework(localGovernmentId, FrameworkKind.Self, SelfTitle);
        f.AddItem(new("계획", "계획수립의 적절성", "사전조사·의견수렴의 충실성", "의견수렴절차 이행, 통계 및 사례조사, 관련정책 연계 등", 5, false, ItemRole.None, null));
        f.AddItem(new("계획", "성과계획의 적정성", "성과목표 및 성과지표의 적정성", "목표 인과관계, 성과지표 객관성, 성과지표 대표성", 5, false, ItemRole.None, Targets));
        f.AddItem(new("집행", "시행과정의 효율성", "추진일정의 충실성", "계획된 기한 내 사업 추진 여부", 10, false, ItemRole.None, null));
        f.AddItem(new("집행", "시행과정의 효율성", "자원집행의 효율성", "예산, 인력 등의 투입시기, 집행규모, 관리방법, 사후관리 등", 10, false, ItemRole.None, null));
        f.AddItem(new("집행", "시행과정의 적절성", "행정여건·환경 변화에 대한 대응성", "모니터링의 체계성(주기성)", 10, false, ItemRole.None, Monitoring));
        f.AddItem(new("집행", "시행과정의 적절성", "행정여건·환경 변화 대응 노력", "모니터링 결과에 대한 대응", 10, false, ItemRole.None, Monitoring));
        f.AddItem(new("산출·결과", "목표의 달성도", "사업 목표 달성 비율", "성과지표 달성률(세부사업 평균)을 배점 기준에 따라 환산", 30, false, ItemRole.Achievement, null));
        f.AddItem(new("평가결과 활용", "평가결과 활용도", "평가결과의 차기계획 반영", "차기계획 반영여부, 조치계획 이행실적 등", 20, false, ItemRole.FollowUp, Feedback));
        f.SetBands([(100m, 30m), (90m, 27m), (80m, 24m), (70m, 21m), (60m, 18m), (0m, 12m)]);
        return f;
    }

    public static EvaluationFramework ExternalDefault(int localGovernmentId)
    {
        var f = new EvaluationFramework(localGovernmentId, FrameworkKind.External, ExternalTitle);
        f.AddItem(new("평가역량 제고노력", "자체평가 준비의 내실도", "자체평가 T/F의 내실화 정도", "T/F팀 구성여부, 회의개최 횟수, 회의참석률", 10, false, ItemRole.None, null));
        f.AddItem(new("평가역량 제고노력", "성과목표 및 지표의 합리성", "성과목표의 타당성", "성과목표 인과관계 정도", 15, false, ItemRole.None, Targets));
        f.AddItem(new("평가역량 제고노력", "성과목표 및 지표의 합리성", "성과지표의 적정성", "지표의 객관성, 지표수준의 적정성", 15, false, ItemRole.None, Targets));
        f.AddItem(new("평가역량 제고노력", "성과목표 및 지표의 합리성", "성과목표 및 지표의 개선노력(가점)", "지표개선여부, 지표개선을 위한 다양한 시도(교육 등)", 5, true, ItemRole.None, null));
        f.AddItem(new("평가의 정확성 확보노력", "평가수행의 정확성", "평가결과의 정확성·객관성 정도", "근거자료의 명확성", 10, false, ItemRole.None, null));
        f.AddItem(new("평가의 정확성 확보노력", "평가과정 개선노력", "모니터링 체계의 내용성", "모니터링 체계의 실제 활동 정도", 15, false, ItemRole.None, Monitoring));
        f.AddItem(new("평가의 정확성 확보노력", "평가과정 개선노력", "모니터링 결과 반영 노력정도", "내부과정 개선 노력 정도", 15, false, ItemRole.None, Monitoring));
        f.AddItem(new("평가결과 반영노력", "평가결과 반영노력", "전년도 평가결과와 해당년도 계획의 연관성", "전년도 평가결과의 해당년도 계획 반영 정도", 20, false, ItemRole.FollowUp, Feedback));
        return f;
    }
}
