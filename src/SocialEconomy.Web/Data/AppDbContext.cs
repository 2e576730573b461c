using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data;

/// <summary>
/// The one DbContext, used directly by feature services (no repository on top). Each
/// database provider has a subclass so that each keeps its own migrations in this
/// assembly (docs/adr/0001-one-web-project-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext : DbContext
{
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<BasicPlan> Plans => Set<BasicPlan>();

    public DbSet<StrategicTask> Tasks => Set<StrategicTask>();

    public DbSet<SubProject> SubProjects => Set<SubProject>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
