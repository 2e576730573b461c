using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Web.Data;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own: start-up migrates and seeds it exactly
/// as a first run does. One factory (and database) per test class.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socialeconomy-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "socialeconomy.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SocialEconomy", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:WriteTo:1:Args:configure:0:Args:path", Path.Combine(_directory, "logs", "test-.log"));
    }

    /// <summary>A scope for arranging or checking the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held open is left for the OS to clean; it is under /tmp.
            }
        }
    }
}
