using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Data;

/// <summary>
/// The one DbContext, used directly by feature services (no repository on top), holding
/// the plan model, the Identity accounts and the audit trail. Each database provider has a
/// subclass so that each keeps its own migrations in this assembly
/// (docs/adr/0001-one-web-project-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>
{
    private readonly IAuditActor _actor;

    protected AppDbContext(DbContextOptions options, IAuditActor? actor)
        : base(options)
    {
        _actor = actor ?? SystemAuditActor.Instance;
    }

    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();

    public DbSet<BasicPlan> Plans => Set<BasicPlan>();

    public DbSet<StrategicTask> Tasks => Set<StrategicTask>();

    public DbSet<SubProject> SubProjects => Set<SubProject>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ResultsPeriod> ResultsPeriods => Set<ResultsPeriod>();

    public DbSet<YearResult> YearResults => Set<YearResult>();

    public DbSet<ResultAttachment> ResultAttachments => Set<ResultAttachment>();

    public DbSet<AttachmentBlob> AttachmentBlobs => Set<AttachmentBlob>();

    public DbSet<EvaluationFramework> EvaluationFrameworks => Set<EvaluationFramework>();

    public DbSet<EvaluationItem> EvaluationItems => Set<EvaluationItem>();

    public DbSet<EvaluationCycle> EvaluationCycles => Set<EvaluationCycle>();

    public DbSet<CommitteeSeat> CommitteeSeats => Set<CommitteeSeat>();

    public DbSet<MemberScore> MemberScores => Set<MemberScore>();

    public DbSet<SelfEvaluation> SelfEvaluations => Set<SelfEvaluation>();

    public DbSet<GapReason> GapReasons => Set<GapReason>();

    public DbSet<ComprehensiveEvaluation> ComprehensiveEvaluations => Set<ComprehensiveEvaluation>();

    public DbSet<FollowUpAction> FollowUpActions => Set<FollowUpAction>();

    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();

    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();

    public DbSet<Features.Notifications.NoticeMailOptOut> NoticeMailOptOuts => Set<Features.Notifications.NoticeMailOptOut>();

    /// <summary>Who the audit rows of this context's saves name (<see cref="SaveBookkeeping"/>).</summary>
    internal IAuditActor Actor => _actor;

    /// <summary>What the government filters let this context read: "*" for the system, else the signer's government ("-" for anonymous).</summary>
    internal string ScopeKey => SeesEveryGovernment ? "*" : ScopeGovernmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    // Read by the query filters each time a query runs (EF Core parameterises context members),
    // so a context made before the request's sign-in was read still scopes to the signer.
    private bool SeesEveryGovernment => _actor.IsSystem;

    private int? ScopeGovernmentId => _actor.LocalGovernmentId;

    private string? ScopeUserId => _actor.UserId;

    /// <summary>The save under way, between its data and its audit rows (<see cref="SaveBookkeeping"/>).</summary>
    internal SaveInProgress? Saving { get; set; }

    /// <summary>
    /// The <see cref="ChangeStamp"/>s a save that adds, changes or removes anything of the plan
    /// model or of the yearly results replaces, in the same transaction (SaveBookkeeping), so
    /// that <see cref="PlanSnapshots"/> never serves a copy older than a committed change.
    /// A request's save replaces its government's stamps: the query filters let it change only
    /// that government's data, except governments, departments and plans, which name their own
    /// government (an administrator's change elsewhere). The system's saves replace the global stamps,
    /// which retire every government's copies. Computed before the save, from what is tracked.
    /// </summary>
    internal IReadOnlyList<string> ChangedStamps()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (ChangeStamp.For(entry.Metadata.ClrType) is not { } kind)
            {
                continue;
            }

            var government = entry.Entity switch
            {
                LocalGovernment g => g.Id,
                Department d => d.LocalGovernmentId,
                BasicPlan p => p.LocalGovernmentId,
                _ => _actor.LocalGovernmentId,
            };
            if (_actor.IsSystem || government is null)
            {
                names.Add(kind);
            }
            else if (government > 0)
            {
                // A government added in this save (a key not yet generated) has no copies to retire.
                names.Add(ChangeStamp.Of(kind, government.Value));
            }
        }

        // In one order, so that two saves' upserts take the rows' locks in the same order.
        return [.. names.Order(StringComparer.Ordinal)];
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        KeepGovernmentsApart(builder);
    }

    /// <summary>
    /// Organisations are kept apart here, under every feature: a request reads only its
    /// signer's government's data (docs/organisations.md). The roots a URL can name (plans,
    /// departments, sub-projects, results, periods, evaluations, frameworks, follow-ups,
    /// revisions, evidence, audit rows) are filtered; their children are reached through them.
    /// What a 시·도 reads of its 시·군·구 is read by its own queries, which say so with
    /// IgnoreQueryFilters and select confirmed results only.
    /// </summary>
    private void KeepGovernmentsApart(ModelBuilder builder)
    {
        builder.Entity<Department>().HasQueryFilter(d => SeesEveryGovernment || d.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<BasicPlan>().HasQueryFilter(p => SeesEveryGovernment || p.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<StrategicTask>().HasQueryFilter(t => SeesEveryGovernment || t.Plan.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<SubProject>().HasQueryFilter(s => SeesEveryGovernment || s.LeadDepartment.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<YearResult>().HasQueryFilter(r => SeesEveryGovernment || r.SubProject.LeadDepartment.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<ResultAttachment>().HasQueryFilter(a => SeesEveryGovernment
            || Set<YearResult>().Any(r => r.Id == a.YearResultId && r.SubProject.LeadDepartment.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<ResultsPeriod>().HasQueryFilter(x => SeesEveryGovernment || Set<BasicPlan>().Any(p => p.Id == x.PlanId && p.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<EvaluationCycle>().HasQueryFilter(x => SeesEveryGovernment || Set<BasicPlan>().Any(p => p.Id == x.PlanId && p.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<ComprehensiveEvaluation>().HasQueryFilter(x => SeesEveryGovernment || Set<BasicPlan>().Any(p => p.Id == x.PlanId && p.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<FollowUpAction>().HasQueryFilter(x => SeesEveryGovernment || Set<BasicPlan>().Any(p => p.Id == x.PlanId && p.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<PlanRevision>().HasQueryFilter(x => SeesEveryGovernment || Set<BasicPlan>().Any(p => p.Id == x.PlanId && p.LocalGovernmentId == ScopeGovernmentId));
        builder.Entity<EvaluationFramework>().HasQueryFilter(f => SeesEveryGovernment || f.LocalGovernmentId == ScopeGovernmentId);
        builder.Entity<AuditEntry>().HasQueryFilter(a => SeesEveryGovernment || a.LocalGovernmentId == ScopeGovernmentId);

        // A person's notices and e-mail choices are theirs alone, not their government's.
        builder.Entity<Features.Notifications.Notification>().HasQueryFilter(n => SeesEveryGovernment || n.RecipientId == ScopeUserId);
        builder.Entity<Features.Notifications.NoticeMailOptOut>().HasQueryFilter(o => SeesEveryGovernment || o.UserId == ScopeUserId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Amounts are decimal everywhere; 4 places keep rates such as 31.9 % and 천원
        // converted from 원 exact.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<Unit>().HaveConversion<UnitConverter>().HaveMaxLength(10);

        // Enums are stored by name so that the tables read well and reordering is safe.
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<IndicatorKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<TotalRule>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<IndicatorDirection>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ResultStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MilestoneState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Judgement>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ResultStep>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<FrameworkKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ItemRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Aggregation>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SelfStage>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Recommendation>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<FindingSource>().HaveConversion<string>().HaveMaxLength(20);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, IAuditActor? actor = null)
    : AppDbContext(options, actor);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, IAuditActor? actor = null)
    : AppDbContext(options, actor);
