using System.Text.Json;
using AngleSharp.Dom;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.IntegrationTests.Home;

/// <summary>Reading the dashboard's charts: their tables, and their JSON data islands formatted as the tables format them.</summary>
public static class DashboardPage
{
    /// <summary>Each row of a chart's table: the row header, then 달성률 and 집행률 as shown.</summary>
    public static List<(string Label, string Achievement, string Execution)> ChartTable(this IDocument page, string chartId) =>
        page.QuerySelectorAll($"#{chartId}-table tbody tr")
            .Select(tr => (
                tr.QuerySelector("th")!.TextContent.Trim(),
                tr.QuerySelector("td[data-series='achievement']")!.TextContent.Trim(),
                tr.QuerySelector("td[data-series='execution']")!.TextContent.Trim()))
            .ToList();

    /// <summary>The data island's titles and both series, each value formatted like the table (one decimal, %, a dash for none).</summary>
    public static List<(string Label, string Achievement, string Execution)> ChartData(this IDocument page, string chartId)
    {
        var island = page.QuerySelector($"script#{chartId}-data[type='application/json']")
            ?? throw new InvalidOperationException($"no data island for {chartId}");
        using var json = JsonDocument.Parse(island.TextContent);
        var root = json.RootElement;
        var titles = root.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!).ToList();
        var series = root.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal("달성률", series[0].GetProperty("label").GetString());
        Assert.Equal("집행률", series[1].GetProperty("label").GetString());
        Assert.Equal("%", root.GetProperty("unit").GetString());
        string Value(JsonElement values, int i) => Formats.Percent(values[i].ValueKind == JsonValueKind.Null ? null : values[i].GetDecimal());
        return titles.Select((title, i) => (title, Value(series[0].GetProperty("values"), i), Value(series[1].GetProperty("values"), i))).ToList();
    }

    /// <summary>The canvas of a chart carries role="img" and a summary naming the chart.</summary>
    public static void AssertAccessibleCanvas(this IDocument page, string chartId)
    {
        var canvas = page.QuerySelector($"canvas#{chartId}")!;
        Assert.Equal("img", canvas.GetAttribute("role"));
        Assert.Contains("아래 표", canvas.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{chartId}-table caption"));
        Assert.All(page.QuerySelectorAll($"#{chartId}-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }
}
