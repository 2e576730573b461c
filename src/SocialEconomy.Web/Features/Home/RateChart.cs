using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Home;

/// <summary>One bar group or point of a rate chart and the matching table row; Extras are table-only columns (amounts).</summary>
public sealed record RateChartRow(string Label, string Title, ResultLink? Link, decimal? Achievement, decimal? Execution, IReadOnlyList<string> Extras)
{
    public static RateChartRow From(string label, string title, ResultLink? link, Rollup rollup, params string[] extras) =>
        new(label, title, link, rollup.Achievement, rollup.Execution, extras);
}

/// <summary>The year result page a row links to; the table writes the URL through routing.</summary>
public sealed record ResultLink(int PlanId, int Year, string Code);

/// <summary>
/// A chart of achievement and execution rates with its table: the page carries the figures
/// once as a JSON data island that wwwroot/js/dashboard-charts.js draws, and once as a
/// table with the same numbers for everyone who does not see the canvas.
/// </summary>
public sealed record RateChart(string Id, string Caption, string CategoryHeader, string Kind, IReadOnlyList<RateChartRow> Rows, IReadOnlyList<string> ExtraHeaders, bool Horizontal = false)
{
    public const string AchievementLabel = "달성률";
    public const string ExecutionLabel = "집행률";

    /// <summary>What the canvas's aria-label says: the kind of chart, its extremes, and where the figures are.</summary>
    public string Summary
    {
        get
        {
            var shape = Kind == "line" ? "꺾은선 그래프" : Horizontal ? "가로 막대 그래프" : "막대 그래프";
            var parts = new List<string> { $"{Caption} {shape}, 항목 {Rows.Count.ToString(Formats.Korean)}개" };
            parts.AddRange(Extremes(AchievementLabel, r => r.Achievement));
            parts.AddRange(Extremes(ExecutionLabel, r => r.Execution));
            if (parts.Count == 1)
            {
                parts.Add("아직 산출할 수 있는 실적이 없습니다");
            }

            parts.Add("같은 수치를 아래 표로 제공합니다.");
            return string.Join(". ", parts);
        }
    }

    /// <summary>The data island's content: labels and two series in percent, null where nothing can be rated.</summary>
    public object Data => new
    {
        kind = Kind,
        horizontal = Horizontal,
        unit = "%",
        labels = Rows.Select(r => r.Label).ToList(),
        titles = Rows.Select(r => r.Title).ToList(),
        series = new[]
        {
            new { label = AchievementLabel, values = Rows.Select(r => r.Achievement).ToList() },
            new { label = ExecutionLabel, values = Rows.Select(r => r.Execution).ToList() },
        },
    };

    private IEnumerable<string> Extremes(string name, Func<RateChartRow, decimal?> value)
    {
        var rated = Rows.Where(r => value(r) is not null).ToList();
        if (rated.Count == 0)
        {
            yield break;
        }

        var high = rated.MaxBy(r => value(r)!.Value)!;
        var low = rated.MinBy(r => value(r)!.Value)!;
        yield return rated.Count == 1
            ? $"{name} {high.Title} {Formats.Percent(value(high))}"
            : $"{name} 최고 {high.Title} {Formats.Percent(value(high))}, 최저 {low.Title} {Formats.Percent(value(low))}";
    }
}
