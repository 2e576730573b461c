using SocialEconomy.Web.Data.Seed;

namespace SocialEconomy.Web.Configuration;

/// <summary>
/// Command-line verbs of the app. `create-admin --username NAME [--name 표시이름] [--password PW]`
/// creates the first administrator of a production install (the password may come from
/// SOCIALECONOMY_ADMIN_PASSWORD instead, to keep it out of the shell history).
/// </summary>
public static class CommandLine
{
    public const string CreateAdmin = "create-admin";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateAdmin;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var userName = Option(args, "--username");
        var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("SOCIALECONOMY_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --username NAME [--name DISPLAY_NAME] [--password PASSWORD | env SOCIALECONOMY_ADMIN_PASSWORD]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSeeder>()
            .CreateAdministratorAsync(userName, Option(args, "--name") ?? "시스템관리자", password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }

        await Console.Out.WriteLineAsync($"Administrator '{userName}' created. Sign in and enrol an authenticator app.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
