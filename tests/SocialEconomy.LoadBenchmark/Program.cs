using System.Diagnostics;
using System.Globalization;
using System.Net;
using SocialEconomy.LoadBenchmark;

// Issue 8, "Measured under load": the portal in Production on SQLite, driven by wrk at 1, 8
// and 32 connections of signed-in sessions, for the seeded plan and for a province-sized
// generated data set; the figures go to docs/benchmarks.md. scripts/load-benchmark.sh
// installs wrk, builds in Release and runs this. Options:
//   --seconds N          duration of each cell (default 5)
//   --connections 1,8,32 the connection counts
//   --plans N            plans of the province data set (default 30)
//   --only seeded|province|national (national: 243 governments, issue 16 item 10)
//   --output PATH        default docs/benchmarks.md of this repository
//   --keep               keep the temporary folders (databases, the app's logs)
var repository = FindRepository();
var seconds = int.Parse(Option("--seconds") ?? "5", CultureInfo.InvariantCulture);
var connections = (Option("--connections") ?? "1,8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var provincePlans = int.Parse(Option("--plans") ?? "30", CultureInfo.InvariantCulture);
var only = Option("--only");
var output = Option("--output") ?? Path.Combine(repository, "docs", "benchmarks.md");
var keep = args.Contains("--keep");
var configuration = Option("--configuration") ?? "Release";

// One account and one session per connection of the largest cell.
var userNames = Enumerable.Range(1, connections.Max()).Select(n => $"load{n.ToString("00", CultureInfo.InvariantCulture)}").ToList();
var password = $"Load-{Guid.NewGuid():N}"[..20];
var wrkVersion = await WrkVersionAsync();

var runs = new List<DataSetRun>();
string[] dataSets = ["seeded", "province", "national"];
foreach (var dataSet in dataSets.Where(d => only is null || only.Split(',').Contains(d)))
{
    Console.WriteLine($"== {dataSet}");
    using var workspace = Workspace.Create(dataSet, repository, configuration, keep);
    Console.WriteLine($"  folder {workspace.Directory}");
    await Portal.CreateAdminAsync(workspace, "loadadmin", password);
    IReadOnlyList<(string UserName, int PlanId)> others = [];
    LoadTarget target;
    if (dataSet == "national")
    {
        (target, others) = await NationalData.CreateAsync(workspace, userNames, password);
    }
    else
    {
        target = dataSet == "seeded"
            ? await DataSetup.SeededAsync(workspace, userNames, password)
            : await DataSetup.ProvinceAsync(workspace, userNames, password, provincePlans);
    }

    Console.WriteLine($"  prepared: {target}");

    await using var portal = await Portal.StartAsync(workspace);
    Console.WriteLine($"  portal pid {portal.ProcessId.ToString(CultureInfo.InvariantCulture)} at {portal.BaseAddress}");
    var cookies = await Sessions.SignInAsync(portal, userNames, password);

    // Officers of other governments sign in and read their own plan and results, so that the
    // copies of many governments are in memory while the asked government is measured.
    var otherCookies = await Sessions.SignInAsync(portal, [.. others.Select(o => o.UserName)], password);
    for (var i = 0; i < others.Count; i++)
    {
        var plan = others[i].PlanId.ToString(CultureInfo.InvariantCulture);
        await CheckAndWarmAsync(portal, otherCookies[i], [$"/plans/{plan}", $"/results/{plan}/2025", $"/results/{plan}/2024/rates"], times: 1);
    }
    var cookieFile = Path.Combine(workspace.Directory, "cookies.txt");

    var p = target.PlanId.ToString(CultureInfo.InvariantCulture);
    var y = target.Year.ToString(CultureInfo.InvariantCulture);
    (string Page, string Path)[] pages =
    [
        ("health check", LoadReport.Trivial),
        ("home", "/"),
        ("plan list", "/plans"),
        ("plan overview", $"/plans/{p}"),
        ("sub-project", $"/plans/{p}/subprojects/{target.SubProjectCode}"),
        ("재정계획", $"/plans/{p}/finance"),
        ("year's results list", $"/results/{p}/{y}"),
        ("rates", $"/results/{p}/{y}/rates"),
        ("results entry", $"/results/{p}/{y}/{target.SubProjectCode}"),
        ("evaluations list", "/evaluations"),
    ];
    var kilobytes = await CheckAndWarmAsync(portal, cookies[0], pages.Select(x => x.Path));

    var copiesBefore = await portal.PlanCopiesBuiltAsync();
    var loadBefore = LoadAverage();
    var cells = new List<Cell>();
    foreach (var c in connections)
    {
        foreach (var (page, path) in pages)
        {
            // Fresh sessions for every cell, as in the runs before the per-request session
            // check (SessionCheck), which no longer reissues cookies: the figures compare.
            cookies = await Sessions.SignInAsync(portal, userNames, password);
            await File.WriteAllLinesAsync(cookieFile, cookies);
            var cell = await Wrk.RunAsync(portal.BaseAddress, page, path, c, seconds, cookieFile);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c,2} conn {path,-36} {cell.PerSecond,7:0} req/s  p50 {cell.P50,6:0.0}  p95 {cell.P95,6:0.0}  p99 {cell.P99,6:0.0} ms  errors {cell.Errors}"));
            cells.Add(cell);
        }
    }

    var (resident, peak) = portal.Memory();
    var copies = new CopyCounts(copiesBefore, await portal.PlanCopiesBuiltAsync() - copiesBefore);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  plan copies built: {copies.BeforeCells} before the cells, {copies.DuringCells} during them"));
    var description = dataSet == "seeded"
        ? "The Seongbuk-gu plan 2017–2020 as seeded, with every sub-project's results of 2017 (confirmed) and 2018 (submitted, the period open) filled in."
        : dataSet == "national"
        ? string.Create(CultureInfo.InvariantCulture, $"The country: {NationalData.Provinces} generated 시·도 and {NationalData.Locals} 시·군·구 under them, each with a 2021–2025 plan of 20–60 sub-projects (made like the province data set) and 5 years of results, beside the Seongbuk seed. Before the cells, one officer of each of {others.Count} other governments (every third) signed in and read their own plan overview, results list and rates, so that many governments' shared copies were held during the load.")
        : string.Create(CultureInfo.InvariantCulture, $"{provincePlans} generated district plans of 2021–2025 (each 6 tasks × 10 sub-projects, made from the Seongbuk seed's sub-projects by the seed's builder) with 5 years of results for every sub-project (2021–2024 confirmed, 2025 submitted), beside the Seongbuk seed.");
    runs.Add(new DataSetRun(dataSet == "seeded" ? "Seeded plan" : dataSet == "national" ? "National data set" : "Province data set", description, target, cells, kilobytes, resident, peak, loadBefore, LoadAverage(), copies));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  working set {resident:0} MiB (peak {peak:0} MiB)"));
}

LoadReport.Write(output, runs, seconds, userNames.Count, wrkVersion);
foreach (var line in LoadReport.Targets(runs))
{
    Console.WriteLine(line);
}

Console.WriteLine($"Wrote {output}");
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

// Every page must answer 200 to a signed-in officer (a redirect to sign-in would make the
// figures meaningless); then 20 requests each compile its views and EF Core queries.
static async Task<Dictionary<string, double>> CheckAndWarmAsync(Portal portal, string cookie, IEnumerable<string> paths, int times = 20)
{
    using var client = portal.Client(new CookieContainer());
    var sizes = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var path in paths)
    {
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            sizes[path] = body.Length / 1024.0;
        }
    }

    return sizes;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static async Task<string> WrkVersionAsync()
{
    var info = new ProcessStartInfo("wrk", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk is not installed (scripts/load-benchmark.sh installs it).");
    var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    return text.Split('\n')[0].Split('[')[0].Trim();
}

static string FindRepository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialEconomy.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
