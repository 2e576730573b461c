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

    /// <summary>
    /// The status table's columns as the chart draws them: the status headers (between the
    /// department and 계) and, per department, the count under each, as shown ("3건").
    /// </summary>
    public static (List<string> Statuses, List<(string Department, List<string> Counts)> Rows) StatusTable(this IDocument page, string tableId)
    {
        var headers = page.QuerySelectorAll($"#{tableId} thead th").Select(th => th.TextContent.Trim()).ToList();
        var statuses = headers.Skip(1).TakeWhile(h => h != "계").ToList();
        var rows = page.QuerySelectorAll($"#{tableId} tbody tr")
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelectorAll("td").Take(statuses.Count).Select(td => td.TextContent.Trim()).ToList()))
            .ToList();
        return (statuses, rows);
    }

    /// <summary>The status chart's data island read the same way: series labels, and per label each series' count formatted with the island's unit.</summary>
    public static (List<string> Statuses, List<(string Department, List<string> Counts)> Rows) StatusData(this IDocument page, string chartId)
    {
        var island = page.QuerySelector($"script#{chartId}-data[type='application/json']")
            ?? throw new InvalidOperationException($"no data island for {chartId}");
        using var json = JsonDocument.Parse(island.TextContent);
        var root = json.RootElement;
        Assert.True(root.GetProperty("stacked").GetBoolean());
        Assert.True(root.GetProperty("horizontal").GetBoolean());
        var unit = root.GetProperty("unit").GetString();
        Assert.Equal("건", unit);
        var series = root.GetProperty("series").EnumerateArray().ToList();
        var titles = root.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!).ToList();
        var rows = titles
            .Select((title, i) => (title, series.Select(s => $"{s.GetProperty("values")[i].GetInt32().ToString(Formats.Korean)}{unit}").ToList()))
            .ToList();
        return (series.Select(s => s.GetProperty("label").GetString()!).ToList(), rows);
    }

    /// <summary>The canvas of a chart carries role="img" and a summary naming the chart; its table (by default {chart}-table) has a caption and column headers.</summary>
    public static void AssertAccessibleCanvas(this IDocument page, string chartId, string? tableId = null)
    {
        tableId ??= $"{chartId}-table";
        var canvas = page.QuerySelector($"canvas#{chartId}")!;
        Assert.Equal("img", canvas.GetAttribute("role"));
        Assert.Contains("아래 표", canvas.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{tableId} caption"));
        Assert.All(page.QuerySelectorAll($"#{tableId} thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }
}
