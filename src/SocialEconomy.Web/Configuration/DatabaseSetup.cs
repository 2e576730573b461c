using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Seed;

namespace SocialEconomy.Web.Configuration;

public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        services.AddSingleton<SaveBookkeeping>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, options, environment);
                var exitBeforeSavingEvidence = ExitBeforeSavingEvidence.IsOn(configuration, environment);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((provider, o) =>
                {
                    o.UseSqlite(sqlite).AddInterceptors(provider.GetRequiredService<SaveBookkeeping>());
                    if (exitBeforeSavingEvidence)
                    {
                        // The crash test's switch only (Data/ExitBeforeSavingEvidence.cs).
                        o.AddInterceptors(new ExitBeforeSavingEvidence());
                    }
                });
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty.");
                }

                // No retrying execution strategy: saves open their own transaction for the
                // audit rows (SaveBookkeeping), which a retrying strategy forbids.
                services.AddDbContext<AppDbContext, SqlServerAppDbContext>((provider, o) => o.UseSqlServer(connectionString).AddInterceptors(provider.GetRequiredService<SaveBookkeeping>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        services.AddScoped<GovernmentSeeder>();
        services.AddScoped<PlanSeeder>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<FrameworkSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>
    /// Migrates (SQLite by default) and seeds before the first request is served, so a
    /// first run needs no set-up.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<AppDbContext>>();

        if (options.MigrateOnStart ?? options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            log.LogInformation("Database migrated ({Provider})", options.Provider);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await scope.ServiceProvider.GetRequiredService<GovernmentSeeder>().EnsureReferenceAsync();
        if (options.SeedReferencePlan)
        {
            var file = await PlanSeeder.ReadAsync(PlanSeeder.DefaultSeedPath);
            await scope.ServiceProvider.GetRequiredService<PlanSeeder>().SeedAsync(file);
        }

        await scope.ServiceProvider.GetRequiredService<FrameworkSeeder>().SeedAsync();

        var accounts = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await accounts.EnsureRolesAsync();
        if (options.SeedDemoAccounts && app.Environment.IsDevelopment())
        {
            await accounts.EnsureDemoAccountsAsync();

            // After the reference plan and the roles: the demo governments' plan and accounts.
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    private static string SqliteConnectionString(string? configured, DatabaseOptions options, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=socialeconomy.db" : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            var directory = Path.Combine(environment.ContentRootPath, options.DataDirectory);
            Directory.CreateDirectory(directory);
            builder.DataSource = Path.Combine(directory, builder.DataSource);
        }

        // Writers wait up to 30 s for a lock instead of failing at once with SQLITE_BUSY.
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}
