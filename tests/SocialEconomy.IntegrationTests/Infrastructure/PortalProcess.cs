using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>
/// The portal as a process of its own (the built SocialEconomy.Web.dll, Development with its
/// demo accounts unless the settings say otherwise) on a loopback port and a fresh SQLite
/// file, for what only a real process shows: a process killed in the middle of a request
/// (a WebApplicationFactory lives in the test's own process and cannot be killed), start-up
/// refusals and exit codes. Started as tests/SocialEconomy.LoadBenchmark/Portal.cs starts
/// the production build.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _directory;

    private PortalProcess(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string DatabasePath => Path.Combine(_directory, "socialeconomy.db");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the portal and waits until it answers /health.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var portal = Launch(settings);
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    /// <summary>Starts the portal without waiting for it, for starts that are meant to fail.</summary>
    public static PortalProcess Launch(IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "socialeconomy-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var (webDirectory, webAssembly) = WebBuild();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(webAssembly);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_CONTENTROOT"] = webDirectory,
            ["URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ConnectionStrings__SocialEconomy"] = $"Data Source={Path.Combine(directory, "socialeconomy.db")}",
            ["Security__KeysDirectory"] = Path.Combine(directory, "keys"),
            ["Serilog__WriteTo__1__Args__configure__0__Args__path"] = Path.Combine(directory, "logs", "portal-.log"),
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        var portal = new PortalProcess(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>A client with its own cookies that follows no redirects, as the factory's clients.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = Client();
        using var response = await client.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect || response.IsRedirectTo("/account/signin"))
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return client;
    }

    /// <summary>True when the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A context of the app's own model on the process's database file, opened by the test, not by the app.</summary>
    public SqliteAppDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it is under /tmp.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async Task WaitUntilHealthyAsync()
    {
        using var client = Client();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The portal did not answer /health within 2 minutes:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The web project's folder and its build of the same configuration as these tests (built with them, as a project reference).</summary>
    private static (string Directory, string Assembly) WebBuild()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SocialEconomy.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new DirectoryNotFoundException($"No SocialEconomy.sln above {output.FullName}.");
        }

        var web = Path.Combine(root.FullName, "src", "SocialEconomy.Web");
        var assembly = Path.Combine(web, "bin", configuration, "net10.0", "SocialEconomy.Web.dll");
        return File.Exists(assembly) ? (web, assembly) : throw new FileNotFoundException($"Build the portal first: {assembly} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
