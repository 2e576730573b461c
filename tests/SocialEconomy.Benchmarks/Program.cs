using SocialEconomy.Benchmarks;

// Benchmarks run on demand, never in CI. Arguments: the sections to run (results, reports, signin, workbook, notifications;
// all when none is named) and optionally the Markdown file to write (docs/benchmarks.md).
var repository = FindRepository();
var output = args.FirstOrDefault(a => a.EndsWith(".md", StringComparison.Ordinal)) ?? Path.Combine(repository, "docs", "benchmarks.md");
var sections = args.Where(a => !a.EndsWith(".md", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

// Outside a test run WebApplicationFactory finds the app's content root through this variable.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SOCIALECONOMY_WEB", Path.Combine(repository, "src", "SocialEconomy.Web"));
if (sections.Count == 0 || sections.Contains("results"))
{
    await ResultsBenchmark.RunAsync(output);
}

if (sections.Count == 0 || sections.Contains("reports"))
{
    await ReportsBenchmark.RunAsync(output);
}

if (sections.Count == 0 || sections.Contains("signin"))
{
    await SignInBenchmark.RunAsync(output);
}

if (sections.Count == 0 || sections.Contains("workbook"))
{
    await WorkbookMemoryBenchmark.RunAsync(output);
}

if (sections.Count == 0 || sections.Contains("notifications"))
{
    await NotificationsBenchmark.RunAsync(output);
}

Console.WriteLine($"Wrote {output}");
return 0;

static string FindRepository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialEconomy.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
