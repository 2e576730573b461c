using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own: start-up migrates and seeds it exactly
/// as a first run does. One factory (and database) per test class. Clients talk https so
/// that the Secure, __Host- cookies of production are the ones tested.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string TestPassword = "Test-Password-2026";
    public const string OwnDepartment = "마을사회적경제과";
    public const string OtherDepartment = "도시재생디자인과";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socialeconomy-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new(StringComparer.Ordinal);

    public PortalFactory()
    {
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DatabasePath => Path.Combine(_directory, "socialeconomy.db");

    /// <summary>Configuration a test class changes before the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Security:RequireTwoFactorForPrivilegedRoles"] = "false",
        ["Security:SignInPermitsPerMinute"] = "10000",

        // The outbox and the reminders run when a test asks (NotificationsFactory), not on a timer.
        ["Mail:RunInBackground"] = "false",

        // The host names the test server and the browser tests' Kestrel are asked for.
        ["AllowedHosts"] = "localhost;127.0.0.1;portal.example.go.kr",

        // Production learns the https port from its server or proxy; the test server has none.
        ["https_port"] = "443",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SocialEconomy", $"Data Source={DatabasePath}");
        builder.UseSetting("Security:KeysDirectory", Path.Combine(_directory, "keys"));
        builder.UseSetting("Serilog:WriteTo:1:Args:configure:0:Args:path", Path.Combine(_directory, "logs", "test-.log"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A scope for arranging or checking the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Creates an account of the seeded government with one role and, for officers, departments by name.</summary>
    public Task<AppUser> CreateUserAsync(string userName, string role, params string[] departments) =>
        CreateUserInAsync(null, userName, role, departments);

    /// <summary>Creates an account of a government (the seeded one when null) with one role and, for officers, departments of that government by name.</summary>
    public async Task<AppUser> CreateUserInAsync(int? governmentId, string userName, string role, params string[] departments)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var government = governmentId ?? (await db.LocalGovernments.SingleAsync(g => g.ShortName == GovernmentSeeder.ReferenceShortName)).Id;
        var user = new AppUser(userName, $"테스트 {Roles.Label(role)}", government);
        Check(await users.CreateAsync(user, TestPassword));
        Check(await users.AddToRoleAsync(user, role));
        if (departments.Length > 0)
        {
            user.SetDepartments(await db.Departments.Where(d => d.LocalGovernmentId == government && departments.Contains(d.Name)).ToListAsync());
            Check(await users.UpdateAsync(user));
        }

        return user;
    }

    /// <summary>A government of its own (a 시·군·구 unless a level is given) with the departments named; its id.</summary>
    public Task<int> AddGovernmentAsync(string shortName, GovernmentLevel level = GovernmentLevel.Local, int? parentId = null, params string[] departments) =>
        WithDbAsync(async db =>
        {
            var parent = parentId is null ? null : await db.LocalGovernments.SingleAsync(g => g.Id == parentId);
            var government = new LocalGovernment(level, $"테스트도 {shortName}", shortName, parent: parent);
            db.LocalGovernments.Add(government);
            db.Departments.AddRange(departments.Select(d => new Department(government, d)));
            await db.SaveChangesAsync();
            return government.Id;
        });

    /// <summary>A signed-in client of a new user of that government, role and departments.</summary>
    public async Task<HttpClient> ClientInAsync(int governmentId, string role, params string[] departments)
    {
        var userName = $"t-g{governmentId}-{Guid.NewGuid():N}"[..24];
        await CreateUserInAsync(governmentId, userName, role, departments);
        return await SignInAsync(userName);
    }

    /// <summary>A signed-in client of a user made for that role (one per role and department, reused).</summary>
    public Task<HttpClient> ClientForAsync(string role, string? department = null) =>
        _clients.GetOrAdd($"{role}/{department}", async _ =>
        {
            var userName = $"t-{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
            await CreateUserAsync(userName, role, department is null ? [] : [department]);
            return await SignInAsync(userName);
        });

    public async Task<HttpClient> SignInAsync(string userName, string password = TestPassword)
    {
        var client = CreateClient();
        using var response = await client.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}.");
        }

        return client;
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
