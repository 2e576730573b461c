using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SocialEconomy.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe with the WCAG 2.1 A/AA rules (KWCAG 2.2 maps onto them) and fails on any violation.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        };
        var result = await page.RunAxe(options);
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found violations on {page.Url}:\n{string.Join('\n', violations)}");
    }
}
