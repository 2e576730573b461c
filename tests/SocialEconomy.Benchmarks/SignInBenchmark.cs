using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Benchmarks;

/// <summary>
/// Sign-in must not tell by its timing whether an account exists (issue 15): the server-side
/// round trip of a refused sign-in for an unknown, a locked and a deactivated account and for
/// a wrong password, taken in turn so that a busy moment of the machine falls on all of them.
/// </summary>
public static class SignInBenchmark
{
    private const int Runs = 40;

    public static async Task RunAsync(string output)
    {
        await using var factory = new PortalFactory();
        await factory.CreateUserAsync("bench-known", Roles.Viewer);
        var locked = await factory.CreateUserAsync("bench-locked", Roles.Viewer);
        var deactivated = await factory.CreateUserAsync("bench-deactivated", Roles.Viewer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddYears(1));
            var inactive = (await users.FindByIdAsync(deactivated.Id))!;
            inactive.IsActive = false;
            await users.UpdateAsync(inactive);
        }

        (string Name, string UserName)[] cases =
        [
            ("unknown account", "bench-nobody"),
            ("locked account", "bench-locked"),
            ("deactivated account", "bench-deactivated"),
            ("wrong password", "bench-known"),
        ];
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>(Runs));
        var client = factory.CreateClient();
        for (var run = -3; run < Runs; run++)
        {
            foreach (var (name, userName) in cases)
            {
                var token = await client.AntiforgeryTokenAsync("/account/signin");
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["UserName"] = userName,
                    ["Password"] = "Wrong-Password-2026",
                });
                var elapsed = await Timing.TimeAsync(async () =>
                {
                    using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), content);
                    Timing.Ensure(response.StatusCode == HttpStatusCode.OK, $"{name} answered {response.StatusCode}");
                });
                if (run >= 0)
                {
                    times[name].Add(elapsed.TotalMilliseconds);
                }

                if (userName == "bench-known")
                {
                    // Untimed: five wrong passwords would lock the account and change the case.
                    await using var scope = factory.Services.CreateAsyncScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                    await users.ResetAccessFailedCountAsync((await users.FindByNameAsync(userName))!);
                }
            }
        }

        var timings = cases.Select(c => new Timing($"refused sign-in: {c.Name}", times[c.Name])).ToList();
        var medians = timings.Select(t => t.Percentile(50)).ToList();
        var spread = (medians.Max() - medians.Min()) / medians.Min() * 100;
        BenchmarkReport.Write(
            output,
            "Sign-in timing",
            string.Create(CultureInfo.InvariantCulture, $"In-process through the real HTTP pipeline (WebApplicationFactory, antiforgery, the sign-in rate limit raised, EF Core on a SQLite file, audit row per attempt). The four refusals are taken in turn, {Runs} rounds after 3 of warm-up; each answers the same page and message. Goal: medians within 20 % of each other. Measured: the largest median is {spread:0.0} % above the smallest."),
            timings);
        Console.WriteLine(new StringBuilder().AppendJoin(", ", timings.Select(t => $"{t.Operation} {t.Percentile(50):0.0} ms")).Append(CultureInfo.InvariantCulture, $"; spread {spread:0.0} %"));
    }
}
