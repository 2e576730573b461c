using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SocialEconomy.Benchmarks;

/// <summary>Timings of one operation, and the section of docs/benchmarks.md they are written to.</summary>
public sealed record Timing(string Operation, IReadOnlyList<double> Milliseconds)
{
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static void Ensure(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>Runs <paramref name="run"/> <paramref name="runs"/> times; each run returns the time of its timed part.</summary>
    public static async Task<Timing> MeasureAsync(string operation, int runs, Func<int, Task<TimeSpan>> run)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            times.Add((await run(i)).TotalMilliseconds);
        }

        return new Timing(operation, times);
    }

    /// <summary>Times the whole of <paramref name="action"/>.</summary>
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}

public static class BenchmarkReport
{
    /// <summary>Replaces (or appends) the section named <paramref name="section"/> in docs/benchmarks.md.</summary>
    public static void Write(string path, string section, string intro, IReadOnlyList<Timing> timings)
    {
        var table = new StringBuilder();
        table.AppendLine("| operation | runs | median (ms) | p95 (ms) | mean (ms) | min (ms) |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var t in timings)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {t.Operation} | {t.Milliseconds.Count} | {t.Percentile(50):0.0} | {t.Percentile(95):0.0} | {t.Milliseconds.Average():0.0} | {t.Milliseconds.Min():0.0} |");
        }

        WriteSection(path, section, intro, table.ToString());
    }

    /// <summary>Replaces (or appends) the section with the intro, the machine and date, and a Markdown body.</summary>
    public static void WriteSection(string path, string section, string intro, string body)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"<!-- {section}:start -->");
        text.AppendLine(CultureInfo.InvariantCulture, $"## {section}");
        text.AppendLine();
        text.AppendLine(intro);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}.");
        text.AppendLine();
        text.Append(body.TrimEnd('\n')).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"<!-- {section}:end -->");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures written by `tests/SocialEconomy.Benchmarks`, run on demand and never in CI: `dotnet run -c Release --project tests/SocialEconomy.Benchmarks` (each run replaces its own section).\n";
        var start = existing.IndexOf($"<!-- {section}:start -->", StringComparison.Ordinal);
        var endMarker = $"<!-- {section}:end -->";
        var end = existing.IndexOf(endMarker, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + text.ToString().TrimEnd('\n') + existing[(end + endMarker.Length)..]
            : existing.TrimEnd('\n') + "\n\n" + text;
        File.WriteAllText(path, updated);
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores{(cpu is null ? string.Empty : $" ({cpu})")}, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
