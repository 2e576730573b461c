using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SocialEconomy.IntegrationTests.Account;

/// <summary>The production way to get a first administrator: the app's create-admin verb.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socialeconomy-cli", Guid.NewGuid().ToString("N"));

    public CreateAdminCommandTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task CreateAdmin_InProduction_CreatesOneAdministratorAndNoDemoAccounts()
    {
        var (exit, output) = await RunAsync("create-admin", "--username", "chief", "--name", "정보화 담당", "--password", "Strong-Admin-Pass-9");

        Assert.True(exit == 0, output);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "portal.db")}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT u.UserName, r.Name FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.Equal([("chief", "Admin")], rows);
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_FailsWithTheKoreanRule()
    {
        var (exit, output) = await RunAsync("create-admin", "--username", "chief", "--password", "short");

        Assert.Equal(1, exit);
        Assert.Contains("10자 이상", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_WithoutPassword_PrintsUsage()
    {
        var (exit, output) = await RunAsync("create-admin", "--username", "chief");

        Assert.Equal(2, exit);
        Assert.Contains("usage: create-admin", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The app's appsettings.json sits beside its assembly; logs go to the working directory.
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(app)!);

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__SocialEconomy"] = $"Data Source={Path.Combine(_directory, "portal.db")}";
        start.Environment["Database__SeedReferencePlan"] = "false";
        start.Environment["Database__SeedDemoAccounts"] = "true";
        start.Environment["Security__KeysDirectory"] = Path.Combine(_directory, "keys");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
