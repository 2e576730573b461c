using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>What a request is expected to get.</summary>
public enum Access
{
    /// <summary>2xx or 3xx that is not the sign-in challenge or the denied page.</summary>
    Allowed,

    /// <summary>302 to /account/signin?ReturnUrl=… (the cookie handler's challenge).</summary>
    SignIn,

    /// <summary>302 to /account/denied (the cookie handler's forbid), or a 403.</summary>
    Denied,

    /// <summary>404: reached, but the id does not exist (or the page is the 404 page itself).</summary>
    NotFound,
}

/// <summary>Who asks. Officers are "own" when the resource belongs to their department.</summary>
public enum Asker
{
    Anonymous,
    Admin,
    Coordinator,
    OfficerOwn,
    OfficerOther,
    CommitteeMember,
    Viewer,

    /// <summary>기관관리자 of the matrix's government.</summary>
    GovernmentAdmin,
}

/// <summary>
/// The expected answer of one route and method for each asker. <see cref="EndsSession"/>
/// marks a POST that would end the asking client's session: the matrix sends it from a
/// fresh account so that later cells keep their clients.
/// </summary>
public sealed record AccessRule(
    string Method,
    string Pattern,
    Access Anonymous,
    Access Admin,
    Access Coordinator,
    Access OfficerOwn,
    Access OfficerOther,
    Access CommitteeMember,
    Access Viewer)
{
    public bool EndsSession { get; init; }

    /// <summary>
    /// The 기관관리자's answer where it is not the viewer's: the role holds no plan,
    /// results or evaluation work, so it reads what a viewer reads unless a rule says so.
    /// </summary>
    public Access? GovernmentAdmin { get; init; }

    public string Key => AuthorizationRules.Key(Method, Pattern);

    public Access For(Asker asker) => asker switch
    {
        Asker.Anonymous => Anonymous,
        Asker.Admin => Admin,
        Asker.Coordinator => Coordinator,
        Asker.OfficerOwn => OfficerOwn,
        Asker.OfficerOther => OfficerOther,
        Asker.CommitteeMember => CommitteeMember,
        Asker.Viewer => Viewer,
        Asker.GovernmentAdmin => GovernmentAdmin ?? Viewer,
        _ => throw new ArgumentOutOfRangeException(nameof(asker), asker, null),
    };
}

/// <summary>
/// The authorization matrix's rules: one per (HTTP method, route pattern) of the app. A
/// route in the endpoint data source without a rule fails AuthorizationMatrixTests, and so
/// does a rule whose route is gone: adding a page means deciding here who may use it.
/// </summary>
public static class AuthorizationRules
{
    private const Access A = Access.Allowed;
    private const Access S = Access.SignIn;
    private const Access D = Access.Denied;
    private const Access N = Access.NotFound;

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Plan pages: every signed-in role reads every plan; nothing is public (docs/security.md).
        // Own and other department give the same answer today; scoped pages will differ.
        SignedIn("GET", "/"),
        SignedIn("GET", "/plans"),
        SignedIn("GET", "/plans/{id:int}"),
        SignedIn("GET", "/plans/{id:int}/finance"),
        SignedIn("GET", "/plans/{id:int}/subprojects/{code}"),
        SignedIn("GET", "/my/subprojects"),

        // 알림: each person's own notices and e-mail choices; the matrix's notice is another
        // person's, so opening it is a 404 for everyone (docs/notifications.md).
        SignedIn("GET", "/notifications"),
        SignedIn("POST", "/notifications/read"),
        SignedIn("GET", "/notifications/settings"),
        SignedIn("POST", "/notifications/settings"),
        new("POST", "/notifications/{id:long}/open", S, N, N, N, N, N, N),

        // A plan as an Excel workbook: anyone who may read the plan may download it and the
        // empty form; only the coordinating office imports (a new draft plan).
        SignedIn("GET", "/plans/{id:int}/workbook"),
        SignedIn("GET", "/plans/workbook-template"),
        AdminOrCoordinator("GET", "/plans/import"),
        AdminOrCoordinator("POST", "/plans/import"),
        AdminOrCoordinator("POST", "/plans/import/confirm"),
        AdminOrCoordinator("POST", "/plans/import/cancel"),

        // Printed reports of a plan: readable like the plan itself.
        SignedIn("GET", "/plans/{id:int}/reports/book"),
        SignedIn("GET", "/plans/{id:int}/reports/book.pdf"),
        SignedIn("GET", "/plans/{id:int}/reports/book.xlsx"),
        SignedIn("GET", "/plans/{id:int}/reports/finance"),
        SignedIn("GET", "/plans/{id:int}/reports/finance.pdf"),
        SignedIn("GET", "/plans/{id:int}/reports/finance.xlsx"),
        SignedIn("GET", "/plans/{id:int}/reports/implementation/{year:int}"),
        SignedIn("GET", "/plans/{id:int}/reports/implementation/{year:int}.pdf"),
        SignedIn("GET", "/plans/{id:int}/reports/implementation/{year:int}.xlsx"),
        // 실적 및 자체평가 보고서: every role, each reading only the results and scores it may see.
        SignedIn("GET", "/plans/{id:int}/reports/results/{year:int}"),
        SignedIn("GET", "/plans/{id:int}/reports/results/{year:int}.pdf"),
        SignedIn("GET", "/plans/{id:int}/reports/results/{year:int}.xlsx"),

        // 신구대비표: readable like the plan itself.
        SignedIn("GET", "/plans/{id:int}/revisions"),
        SignedIn("GET", "/plans/{id:int}/revisions/workbook"),

        // The error page is re-executed for any failed request, signed in or not; /error/404 answers 404.
        Everyone("GET", "/error/{statusCode:int?}", N),
        Everyone("HEAD", "/error/{statusCode:int?}", N),
        Everyone("POST", "/error/{statusCode:int?}", N),
        Everyone("GET", "/health", A),

        // Signing in is the one thing anonymous people do. Without a pending second factor,
        // the two-factor page sends everyone back to sign in (a plain redirect, not a challenge).
        Everyone("GET", "/account/signin", A),
        Everyone("POST", "/account/signin", A),
        Everyone("GET", "/account/two-factor", A),
        Everyone("POST", "/account/two-factor", A),
        SignedIn("POST", "/account/signout") with { EndsSession = true },
        SignedIn("GET", "/account/change-password"),
        SignedIn("POST", "/account/change-password"),
        SignedIn("GET", "/account/authenticator"),
        SignedIn("POST", "/account/authenticator"),
        SignedIn("POST", "/account/keep-alive"),
        SignedIn("GET", "/account/denied"),

        // 계획 편집: Policies.EditPlans, the coordinating department's work. Officers are
        // denied for their own department's sub-project as well as for another's.
        AdminOrCoordinator("GET", "/plans/{id:int}/subprojects/{code}/tables"),
        AdminOrCoordinator("POST", "/plans/{id:int}/subprojects/{code}/tables"),
        AdminOrCoordinator("POST", "/plans/{id:int}/adopt"),
        AdminOrCoordinator("GET", "/plans/new"),
        AdminOrCoordinator("POST", "/plans/new"),
        AdminOrCoordinator("GET", "/plans/{id:int}/structure"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/tasks"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects/{code}/actionitems"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects/{code}/actionitems/{itemId:int}/indicators"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects/{code}/actionitems/{itemId:int}/milestones"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects/{code}/budgetlines"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/subprojects/{code}/sharing"),
        AdminOrCoordinator("GET", "/plans/{id:int}/structure/remove/{kind}/{entityId:int}"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/remove/{kind}/{entityId:int}"),
        AdminOrCoordinator("POST", "/plans/{id:int}/close"),
        AdminOrCoordinator("POST", "/plans/{id:int}/make-current"),
        AdminOrCoordinator("GET", "/plans/{id:int}/structure/edit/{kind}/{entityId:int}"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/edit/{kind}/{entityId:int}"),
        AdminOrCoordinator("POST", "/plans/{id:int}/structure/move/{kind}/{entityId:int}"),

        // The seeded 1-1 and 1-3 share with no department: past the policy the answer is 404.
        new("POST", "/plans/{id:int}/structure/subprojects/{code}/sharing/{departmentId:int}/remove", S, N, N, D, D, D, D),

        // 연도별 실적. Lists and rates are for everyone signed in (each shows only what its
        // reader may see); a sub-project's year is its departments' and the coordinating
        // department's until confirmed; review steps and the board are Policies.ReviewResults.
        SignedIn("GET", "/results"),
        AdminOrCoordinator("POST", "/results/periods"),
        AdminOrCoordinator("POST", "/results/periods/{periodId:int}/close"),
        AdminOrCoordinator("POST", "/results/periods/{periodId:int}/reopen"),
        SignedIn("GET", "/results/{planId:int}/{year:int}"),
        AdminOrCoordinator("GET", "/results/{planId:int}/{year:int}/board"),
        SignedIn("GET", "/results/{planId:int}/{year:int}/rates"),
        OwnDepartment("GET", "/results/{planId:int}/{year:int}/{code}"),
        OwnDepartment("POST", "/results/{planId:int}/{year:int}/{code}"),
        OwnDepartment("POST", "/results/{planId:int}/{year:int}/{code}/attachments"),
        AdminOrCoordinator("POST", "/results/{planId:int}/{year:int}/{code}/confirm"),

        // The results workbook: officers use their own departments' (the matrix asks without a
        // department, which only the coordinating department may: all departments at once).
        new("GET", "/results/{planId:int}/{year:int}/workbook", S, A, A, A, A, D, D),
        AdminOrCoordinator("GET", "/results/{planId:int}/{year:int}/workbook/download"),
        AdminOrCoordinator("POST", "/results/{planId:int}/{year:int}/workbook"),
        AdminOrCoordinator("POST", "/results/{planId:int}/{year:int}/{code}/return"),
        AdminOrCoordinator("POST", "/results/{planId:int}/{year:int}/{code}/reopen"),

        // The matrix's attachment belongs to confirmed results of 1-1: readable by every
        // signed-in role; deleting it is refused in Korean (it is locked) for its own
        // department, and denied to everyone else outside the coordinating department.
        // A 기관관리자 holds no results role: evidence files are not theirs to read.
        SignedIn("GET", "/results/attachments/{id:int}") with { GovernmentAdmin = D },
        OwnDepartment("POST", "/results/attachments/{id:int}/delete"),

        // 평가 (docs/evaluations.md). The matrix's year (2018) is being scored; its committee is
        // open and the matrix's committee member holds a declared seat in it.
        SignedIn("GET", "/evaluations"),
        AdminOrCoordinator("POST", "/evaluations"),
        SignedIn("GET", "/evaluations/{cycleId:int}"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/calendar"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/rules"),
        SignedIn("GET", "/evaluations/frameworks/{frameworkId:int}"),
        AdminOrCoordinator("POST", "/evaluations/frameworks/{frameworkId:int}/items"),
        AdminOrCoordinator("POST", "/evaluations/frameworks/{frameworkId:int}/items/{evaluationItemId:int}"),
        AdminOrCoordinator("POST", "/evaluations/frameworks/{frameworkId:int}/items/{evaluationItemId:int}/remove"),
        AdminOrCoordinator("POST", "/evaluations/frameworks/{frameworkId:int}/bands"),

        // 자체평가: a department's report and scores are its own until the year is locked.
        SignedIn("GET", "/evaluations/{cycleId:int}/self"),
        OwnDepartment("GET", "/evaluations/{cycleId:int}/self/{code}"),
        OwnDepartment("POST", "/evaluations/{cycleId:int}/self/{code}/report"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/self/{code}/scores"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/self/review"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/self/return"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/self/lock"),

        // 외부평가: the committee is the coordinator's to form and close; the scoring sheet is
        // the seated member's alone (the administrator and the coordinator included are
        // refused); before closing nobody gets the result workbook or writes gap reasons.
        AdminOrCoordinator("GET", "/evaluations/{cycleId:int}/committee"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/committee/members"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/committee/members/{seatId:int}/remove"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/committee/experts"),
        AdminOrCoordinator("POST", "/evaluations/{cycleId:int}/committee/close"),
        SeatedMember("GET", "/evaluations/{cycleId:int}/score"),
        SeatedMember("POST", "/evaluations/{cycleId:int}/score"),
        SeatedMember("POST", "/evaluations/{cycleId:int}/score/declare"),
        SignedIn("GET", "/evaluations/{cycleId:int}/external"),
        new("GET", "/evaluations/{cycleId:int}/external/workbook", S, D, D, D, D, D, D),
        new("GET", "/evaluations/{cycleId:int}/external/report", S, D, D, D, D, D, D),
        new("GET", "/evaluations/{cycleId:int}/external/report.pdf", S, D, D, D, D, D, D),
        new("GET", "/evaluations/{cycleId:int}/external/report.xlsx", S, D, D, D, D, D, D),
        new("POST", "/evaluations/{cycleId:int}/external/gaps", S, D, D, D, D, D, D),

        // 총괄평가: everyone reads; the coordinator runs it; panel members (none in the matrix) judge.
        SignedIn("GET", "/evaluations/comprehensive/{planId:int}"),
        AdminOrCoordinator("POST", "/evaluations/comprehensive/{planId:int}"),
        AdminOrCoordinator("POST", "/evaluations/comprehensive/{planId:int}/panel"),

        // The administrator asks first and removes the one panel seat: the coordinator then gets 404.
        new("POST", "/evaluations/comprehensive/{planId:int}/panel/{panelSeatId:int}/remove", S, A, N, D, D, D, D),
        AdminOrCoordinator("POST", "/evaluations/comprehensive/{planId:int}/verdicts/{code}"),
        AdminOrCoordinator("POST", "/evaluations/comprehensive/{planId:int}/directions"),
        AdminOrCoordinator("POST", "/evaluations/comprehensive/{planId:int}/finalise"),

        // 총괄평가 결과 보고서: printed by whoever reads the 총괄평가 page (the matrix's is started, not final).
        SignedIn("GET", "/evaluations/comprehensive/{planId:int}/report"),
        SignedIn("GET", "/evaluations/comprehensive/{planId:int}/report.pdf"),
        SignedIn("GET", "/evaluations/comprehensive/{planId:int}/report.xlsx"),

        // 환류 조치: everyone reads the list; the matrix's action belongs to the coordinating office.
        SignedIn("GET", "/follow-ups"),
        AdminOrCoordinator("POST", "/follow-ups"),
        OwnDepartment("POST", "/follow-ups/{followUpId:int}"),

        // 감사 기록: Policies.ReadAudit.
        AdminOrCoordinator("GET", "/admin/audit") with { GovernmentAdmin = A },

        // 시·군·구 현황: a 시·도's 주무부서 and 열람자 only; the matrix's people are 성북구's (a 시·군·구), so 404.
        new("GET", "/province", S, D, N, D, D, D, N) { GovernmentAdmin = D },
        new("GET", "/province/{governmentId:int}", S, D, N, D, D, D, N) { GovernmentAdmin = D },

        // 사용자 관리: Policies.ManageUsers; moving an account to another government is the 시스템관리자's alone.
        ManageUsers("GET", "/admin/users"),
        ManageUsers("GET", "/admin/users/new"),
        ManageUsers("POST", "/admin/users/new"),
        ManageUsers("GET", "/admin/users/{id}/edit"),
        ManageUsers("POST", "/admin/users/{id}/edit"),
        ManageUsers("POST", "/admin/users/{id}/deactivate"),
        ManageUsers("POST", "/admin/users/{id}/activate"),
        ManageUsers("POST", "/admin/users/{id}/reset-password"),
        ManageUsers("POST", "/admin/users/{id}/unlock"),
        AdminOnly("POST", "/admin/users/{id}/move"),

        // 부서 관리: Policies.ManageUsers, the signer's own government's departments.
        ManageUsers("GET", "/admin/departments"),
        ManageUsers("GET", "/admin/departments/new"),
        ManageUsers("POST", "/admin/departments/new"),
        ManageUsers("GET", "/admin/departments/{id:int}/edit"),
        ManageUsers("POST", "/admin/departments/{id:int}/edit"),
        ManageUsers("POST", "/admin/departments/{id:int}/deactivate"),
        ManageUsers("POST", "/admin/departments/{id:int}/activate"),

        // 기관 관리: Policies.ManageGovernments.
        AdminOnly("GET", "/admin/governments"),
        AdminOnly("GET", "/admin/governments/new"),
        AdminOnly("POST", "/admin/governments/new"),
        AdminOnly("GET", "/admin/governments/{id:int}/edit"),
        AdminOnly("POST", "/admin/governments/{id:int}/edit"),
        AdminOnly("POST", "/admin/governments/{id:int}/deactivate"),
        AdminOnly("POST", "/admin/governments/{id:int}/activate"),
    ];

    /// <summary>The endpoints that may be reached without signing in, and nothing else.</summary>
    public static IReadOnlySet<string> AnonymousAllowList { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Key("GET", "/account/signin"),
        Key("POST", "/account/signin"),
        Key("GET", "/account/two-factor"),
        Key("POST", "/account/two-factor"),
        Key("GET", "/error/{statusCode:int?}"),
        Key("HEAD", "/error/{statusCode:int?}"),
        Key("POST", "/error/{statusCode:int?}"),
        Key("GET", "/health"),
    };

    public static string Key(string method, string pattern) => $"{method} {pattern}";

    private static AccessRule SignedIn(string method, string pattern) => new(method, pattern, S, A, A, A, A, A, A);

    private static AccessRule AdminOrCoordinator(string method, string pattern) => new(method, pattern, S, A, A, D, D, D, D);

    private static AccessRule OwnDepartment(string method, string pattern) => new(method, pattern, S, A, A, A, D, D, D);

    private static AccessRule SeatedMember(string method, string pattern) => new(method, pattern, S, D, D, D, D, A, D);

    private static AccessRule AdminOnly(string method, string pattern) => new(method, pattern, S, A, D, D, D, D, D);

    private static AccessRule ManageUsers(string method, string pattern) => AdminOnly(method, pattern) with { GovernmentAdmin = A };

    private static AccessRule Everyone(string method, string pattern, Access access) =>
        new(method, pattern, access, access, access, access, access, access, access);
}

/// <summary>One method of one endpoint of the app, as the endpoint data source lists it.</summary>
public sealed record AppRoute(RouteEndpoint Endpoint, string Method, string Pattern)
{
    public string Key => AuthorizationRules.Key(Method, Pattern);

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool HasMethodMetadata => Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not null;
}

/// <summary>Real values for route parameters, so that every id in the matrix exists.</summary>
public sealed record RouteFill(int PlanId, string UserId, IReadOnlyDictionary<string, string> SubProjectLeads)
{
    public const string OwnSubProject = "1-1";
    public const string OtherSubProject = "1-3";

    /// <summary>The first action item of each of 1-1 and 1-3, for the structure editor's item routes.</summary>
    public IReadOnlyDictionary<string, int> FirstActionItems { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>A milestone row of the seeded plan, for the remove routes (refused: the plan is adopted).</summary>
    public int MilestoneId { get; init; }

    /// <summary>A department, for the sharing removal route (1-1 and 1-3 share with none: a 404 behind the policy).</summary>
    public int DepartmentId { get; init; }

    /// <summary>The year the results routes use, its open results period, and an attachment of confirmed 1-1 results.</summary>
    public const int ResultsYear = 2018;

    public int PeriodId { get; init; }

    public int AttachmentId { get; init; }

    /// <summary>A government and a department of the matrix's government for the administration pages (a fresh one per route, like the account).</summary>
    public int GovernmentId { get; init; }

    public int AdminDepartmentId { get; init; }

    /// <summary>The matrix's 2018 evaluation, its self-evaluation framework and first item, the member's seat, a panel seat and a follow-up action.</summary>
    public EvaluationFill Evaluation { get; init; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>A notice of the throwaway account, which no asker may read or open.</summary>
    public long NoticeId { get; init; }

    /// <summary>The seeded plan, a throwaway account for the user pages, and the lead departments of 1-1 and 1-3.</summary>
    public static async Task<RouteFill> CreateAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var leads = await factory.WithDbAsync(db => db.SubProjects
            .Where(s => s.Code == OwnSubProject || s.Code == OtherSubProject)
            .Select(s => new { s.Code, Lead = s.LeadDepartment.Name })
            .ToDictionaryAsync(s => s.Code, s => s.Lead, StringComparer.Ordinal));

        // The own/other split is real: these are the seeded lead departments.
        Assert.Equal(PortalFactory.OwnDepartment, leads[OwnSubProject]);
        Assert.Equal(PortalFactory.OtherDepartment, leads[OtherSubProject]);
        var firstItems = await factory.WithDbAsync(db => db.SubProjects
            .Where(s => s.Code == OwnSubProject || s.Code == OtherSubProject)
            .Select(s => new { s.Code, Item = s.ActionItems.OrderBy(a => a.SortOrder).Select(a => a.Id).First() })
            .ToDictionaryAsync(s => s.Code, s => s.Item, StringComparer.Ordinal));
        var milestoneId = await factory.WithDbAsync(db => db.Set<Domain.Planning.Milestone>().OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var departmentId = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).Select(d => d.Id).SingleAsync());
        var (periodId, attachmentId) = await ResultsAsync(factory, planId);
        var evaluation = await EvaluationFill.CreateAsync(factory, planId, ResultsYear);
        var target = await TargetUserAsync(factory);
        var noticeId = await factory.WithDbAsync(async db =>
        {
            var governmentId = await db.Users.Where(u => u.Id == target).Select(u => u.LocalGovernmentId).SingleAsync();
            var notice = new Web.Features.Notifications.Notification(target, governmentId, Web.Features.Notifications.NoticeKind.PeriodOpened, "매트릭스 알림", null, new(Web.Features.Notifications.NoticePage.YearResults, planId, ResultsYear), "matrix", DateTime.UtcNow, mail: false);
            db.Notifications.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });
        return new RouteFill(planId, target, leads)
        {
            NoticeId = noticeId,
            FirstActionItems = firstItems,
            MilestoneId = milestoneId,
            DepartmentId = departmentId,
            PeriodId = periodId,
            AttachmentId = attachmentId,
            Evaluation = evaluation,
        };
    }

    /// <summary>An open period for <see cref="ResultsYear"/> and confirmed 2017 results of 1-1 with one PDF.</summary>
    private static Task<(int PeriodId, int AttachmentId)> ResultsAsync(PortalFactory factory, int planId) =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            var period = new Domain.Results.ResultsPeriod(plan, ResultsYear, new DateOnly(2099, 1, 31), DateTime.UtcNow);
            var confirmedPeriod = new Domain.Results.ResultsPeriod(plan, 2017, new DateOnly(2099, 1, 31), DateTime.UtcNow);
            var sub = await db.SubProjects
                .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
                .Include(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
                .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
                .AsSplitQuery()
                .SingleAsync(s => s.Task.PlanId == planId && s.Code == OwnSubProject);

            // Complete 2017 results, submitted and confirmed through the domain as the portal does.
            var result = new Domain.Results.YearResult(sub, 2017);
            foreach (var indicator in sub.ActionItems.SelectMany(a => a.Indicators))
            {
                result.RecordIndicator(indicator, indicator.TargetFor(2017).Format(System.Globalization.CultureInfo.InvariantCulture), Domain.Results.Judgement.Achieved);
            }

            foreach (var line in sub.BudgetLines.Where(l => !l.IsNonBudget))
            {
                result.RecordExecution(line, "1");
            }

            result.SetNarratives("행렬 시험용 실적", null, null);
            var attachment = new Domain.Results.ResultAttachment(result, "증빙.pdf", "application/pdf", 9, new string('0', 64), "matrix", DateTime.UtcNow);
            result.Submit(confirmedPeriod, "matrix", DateTime.UtcNow);
            result.Confirm("matrix", DateTime.UtcNow);
            db.AddRange(period, confirmedPeriod, result, attachment, new Web.Data.AttachmentBlob(attachment, "%PDF-1.4\n"u8.ToArray()));
            await db.SaveChangesAsync();
            return (period.Id, attachment.Id);
        });

    /// <summary>
    /// The values for one route: a user page gets an account of its own, so that what one
    /// route does to it (deactivate, reset) does not change the answer of the next.
    /// </summary>
    public async Task<RouteFill> ForRouteAsync(PortalFactory factory, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.StartsWith("/admin/governments/{", StringComparison.Ordinal))
        {
            return this with { GovernmentId = await factory.AddGovernmentAsync($"행렬{Guid.NewGuid():N}"[..10]) };
        }

        if (pattern.StartsWith("/admin/departments/{", StringComparison.Ordinal))
        {
            return this with { AdminDepartmentId = await TargetDepartmentAsync(factory) };
        }

        return pattern.StartsWith("/admin/users/{", StringComparison.Ordinal)
            ? this with { UserId = await TargetUserAsync(factory) }
            : this;
    }

    /// <summary>
    /// The URLs of a pattern, each with the department whose officer counts as "own": the
    /// leading department for a sub-project; the plan's owning department (the coordinating
    /// office) for everything else.
    /// </summary>
    public IReadOnlyList<(string Url, string OwnerDepartment)> UrlsFor(string pattern)
    {
        var codes = pattern.Contains("{code}", StringComparison.Ordinal)
            ? new string?[] { OwnSubProject, OtherSubProject }
            : [null];
        return codes
            .Select(code => (Fill(pattern, code), code is null ? PortalFactory.OwnDepartment : SubProjectLeads[code]))
            .ToList();
    }

    private static async Task<string> TargetUserAsync(PortalFactory factory) =>
        (await factory.CreateUserAsync($"t-target-{Guid.NewGuid():N}"[..24], Roles.Viewer)).Id;

    private static Task<int> TargetDepartmentAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var government = await db.LocalGovernments.SingleAsync(g => g.ShortName == Web.Data.Seed.GovernmentSeeder.ReferenceShortName);
            var department = new Domain.Organization.Department(government, $"행렬부서{Guid.NewGuid():N}"[..12]);
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });

    private string Fill(string pattern, string? code) =>
        Regex.Replace(pattern, @"\{(?<name>[^}:?=*]+)[^}]*\}", match => match.Groups["name"].Value switch
        {
            "id" when pattern.StartsWith("/plans/", StringComparison.Ordinal) => PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when pattern.StartsWith("/admin/users/", StringComparison.Ordinal) => UserId,
            "id" when pattern.StartsWith("/admin/governments/", StringComparison.Ordinal) => GovernmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when pattern.StartsWith("/admin/departments/", StringComparison.Ordinal) => AdminDepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when pattern.StartsWith("/notifications/", StringComparison.Ordinal) => NoticeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "code" when code is not null => code,
            "itemId" when code is not null => FirstActionItems[code].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "kind" => "milestone",
            "entityId" => MilestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "governmentId" => GovernmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "departmentId" => DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "planId" => PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "year" => ResultsYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "periodId" => PeriodId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when pattern.StartsWith("/results/attachments/", StringComparison.Ordinal) => AttachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "cycleId" => Evaluation.CycleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "frameworkId" => Evaluation.FrameworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "evaluationItemId" => Evaluation.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "seatId" => Evaluation.SeatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "panelSeatId" => Evaluation.PanelSeatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "followUpId" => Evaluation.FollowUpId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "statusCode" => "404",
            var name => throw new InvalidOperationException($"The matrix has no value for {{{name}}} in {pattern}: add one to RouteFill."),
        });
}

public static class EndpointCatalog
{
    /// <summary>Every route endpoint × each of its HTTP methods, from the app's own endpoint data source.</summary>
    public static IReadOnlyList<AppRoute> Routes(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => Methods(endpoint).Select(method => new AppRoute(endpoint, method, Pattern(endpoint))))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
    }

    public static string Pattern(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
    }

    public static string Name(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.DisplayName ?? Pattern(endpoint);
    }

    // Endpoints mapped without method metadata (MapHealthChecks) answer any method; the
    // method filter lets only GET, HEAD and POST through, and GET is what is used.
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];
}
