using Microsoft.Playwright;

namespace SocialEconomy.BrowserTests.Infrastructure;

/// <summary>
/// What a page reports as wrong while a test drives it: every console error (Chromium logs a
/// refused CSP directive as one, and a failed resource load too), every uncaught exception,
/// and every <c>securitypolicyviolation</c> event, reported through a binding that outlives
/// navigations. Start watching before the first navigation to be checked.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    private PageProblems()
    {
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<PageProblems> WatchAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var watch = new PageProblems();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch.Add($"console error: {message.Text} @ {message.Location}");
            }
        };
        page.PageError += (_, error) => watch.Add($"uncaught: {error}");
        await page.ExposeFunctionAsync("__portalCspViolation", (string text) => watch.Add($"CSP violation: {text}"));
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", function (e) {
              window.__portalCspViolation(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " @ " + e.sourceFile + ":" + e.lineNumber);
            });
            """);
        return watch;
    }

    /// <summary>Fails with every problem seen so far on any page the watched tab showed.</summary>
    public void AssertNone(string when)
    {
        var seen = All;
        Assert.True(seen.Count == 0, $"{when}:\n{string.Join('\n', seen)}");
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
