using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Home;

/// <summary>One lead department's sub-projects of the year, counted by result status (in the order of <see cref="ResultStatus"/>).</summary>
public sealed record DepartmentStatusRow(string Department, IReadOnlyList<int> Counts, int Total, int Overdue);

/// <summary>
/// The year's submission status by lead department: a stacked horizontal bar per department,
/// one segment per result status, counted in 건. Like <see cref="RateChart"/> the page carries
/// the counts once as a JSON data island that wwwroot/js/dashboard-charts.js draws, and once
/// as the table right below the canvas (#dashboard-departments), which screen readers use.
/// </summary>
public sealed record StatusChart(string Id, int Year, IReadOnlyList<DepartmentStatusRow> Rows)
{
    public const string Unit = "건";

    /// <summary>The statuses in the order of the table's columns and the chart's segments.</summary>
    public static IReadOnlyList<ResultStatus> Statuses { get; } = Enum.GetValues<ResultStatus>();

    public static IReadOnlyList<string> StatusLabels { get; } = Statuses.Select(Formats.Status).ToList();

    public string Caption => $"{Year.ToString(Formats.Korean)}년 주관부서별 세부사업 실적 상태";

    /// <summary>What the canvas's aria-label says: the kind of chart, the totals per status, the busiest department.</summary>
    public string Summary
    {
        get
        {
            var total = Rows.Sum(r => r.Total);
            var parts = new List<string>
            {
                $"{Caption} 누적 가로 막대 그래프, 주관부서 {Rows.Count.ToString(Formats.Korean)}개, 세부사업 {Count(total)}",
            };
            if (total > 0)
            {
                parts.Add("상태별 " + string.Join(", ", StatusLabels.Select((label, i) => $"{label} {Count(Rows.Sum(r => r.Counts[i]))}")));
                var largest = Rows.MaxBy(r => r.Total)!;
                parts.Add($"가장 많은 부서 {largest.Department} {Count(largest.Total)}");
            }

            parts.Add("같은 수치를 아래 표로 제공합니다.");
            return string.Join(". ", parts);
        }
    }

    /// <summary>The data island: departments as labels, one series of counts per status, keyed by the status's name (the script picks its colour).</summary>
    public object Data => new
    {
        kind = "bar",
        horizontal = true,
        stacked = true,
        unit = Unit,
        axisTitle = $"세부사업 수({Unit})",
        labels = Rows.Select(r => r.Department).ToList(),
        titles = Rows.Select(r => r.Department).ToList(),
        series = Statuses.Select((status, i) => new
        {
            key = status.ToString(),
            label = StatusLabels[i],
            values = Rows.Select(r => r.Counts[i]).ToList(),
        }).ToList(),
    };

    public static string Count(int count) => $"{count.ToString(Formats.Korean)}{Unit}";
}
