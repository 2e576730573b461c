using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialEconomy.LoadBenchmark;

/// <summary>One cell of the table: one page at one number of connections.</summary>
public sealed record Cell(string Page, string Path, int Connections, long Requests, double Seconds, double P50, double P95, double P99, double Mean, long Errors)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>Runs wrk (Debian's package) with session.lua, which sends the sessions' cookies and prints exact percentiles.</summary>
public static partial class Wrk
{
    public static async Task<Cell> RunAsync(Uri baseAddress, string page, string path, int connections, int seconds, string cookieFile)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        // Two wrk threads at most: the machine has two cores and the portal needs them more.
        var threads = Math.Min(connections, 2);
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds.ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "10s",
            "-s", Path.Combine(AppContext.BaseDirectory, "session.lua"),
            new Uri(baseAddress, path).ToString(),
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LOAD_COOKIES"] = cookieFile;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        var line = ResultLine().Match(text);
        if (process.ExitCode != 0 || !line.Success)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}) for {path}:\n{text}\n{await error}");
        }

        long Value(string name) => long.Parse(Regex.Match(line.Value, $"{name}=([0-9]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var mean = double.Parse(Regex.Match(line.Value, "mean_us=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Value("connect") + Value("read") + Value("write") + Value("status") + Value("timeout");
        return new Cell(page, path, connections, Value("requests"), Value("duration_us") / 1e6, Value("p50_us") / 1000.0, Value("p95_us") / 1000.0, Value("p99_us") / 1000.0, mean / 1000.0, errors);
    }

    [GeneratedRegex("LOAD-RESULT .*")]
    private static partial Regex ResultLine();
}
