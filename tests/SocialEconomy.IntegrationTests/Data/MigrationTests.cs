using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialEconomy.Web.Data;

namespace SocialEconomy.IntegrationTests.Data;

public class MigrationTests
{
    /// <summary>
    /// No SQL Server runs here, but EF generates its migration script from the model alone:
    /// this proves the SQL Server migrations exist, match the model and produce T-SQL.
    /// </summary>
    [Fact]
    public void SqlServer_MigrationScript_GeneratesOfflineWithEveryTable()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "Plans", "PlanGoals", "Tasks", "SubProjects", "ActionItems", "Indicators", "IndicatorTargets", "Milestones", "MilestoneEntries", "BudgetLines", "BudgetAmounts", "Departments" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("decimal(18,4)", script, StringComparison.Ordinal);
        Assert.Contains("nvarchar", script, StringComparison.Ordinal);
        Assert.Contains("IDENTITY", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_Migrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a SQL Server migration (docs/architecture.md).");
    }

    [Fact]
    public void Sqlite_Migrations_MatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a SQLite migration (docs/architecture.md).");
    }

    [Fact]
    public void Migrations_EachProviderSeesOnlyItsOwn()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        var sqlServerIds = sqlServer.Database.GetMigrations().ToList();
        var sqliteIds = sqlite.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqlServerIds);
        Assert.NotEmpty(sqliteIds);
        Assert.Empty(sqlServerIds.Intersect(sqliteIds));
    }
}
