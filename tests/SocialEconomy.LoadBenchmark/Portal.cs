using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocialEconomy.LoadBenchmark;

/// <summary>
/// The portal as a separate process, started the way a production install runs it: the built
/// SocialEconomy.Web.dll in the Production environment (HSTS, HTTPS redirection, __Host-
/// cookies, two-factor for privileged roles), on SQLite, with an HTTPS Kestrel endpoint on a
/// loopback port and a self-signed certificate made for the run. Nothing in the app is
/// switched off: the settings below are the documented ones a real install sets (README).
/// </summary>
public sealed class Portal : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string _logPath;

    private Portal(Process process, Uri baseAddress, X509Certificate2 certificate, string logPath)
    {
        _process = process;
        _logPath = logPath;
        BaseAddress = baseAddress;
        Certificate = certificate;
    }

    public Uri BaseAddress { get; }

    public X509Certificate2 Certificate { get; }

    public int ProcessId => _process.Id;

    /// <summary>The environment of every run of the app: Production, the run's database, keys and certificate.</summary>
    public static Dictionary<string, string> Environment(Workspace workspace, int? port)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_CONTENTROOT"] = workspace.WebDirectory,
            ["ConnectionStrings__SocialEconomy"] = $"Data Source={workspace.DatabasePath}",
            ["Security__KeysDirectory"] = Path.Combine(workspace.Directory, "keys"),
            // The benchmark signs its 32 sessions in again before every cell (Program.cs),
            // from one address: far more than the default 10 a minute. The limit is a
            // documented setting, raised for this process only.
            ["Security__SignInPermitsPerMinute"] = "2000",
            ["AllowedHosts"] = "127.0.0.1;localhost",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (port is { } p)
        {
            settings["Kestrel__Endpoints__Https__Url"] = $"https://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}";
            settings["Kestrel__Endpoints__Https__Certificate__Path"] = workspace.CertificatePath;
            settings["Kestrel__Endpoints__Https__Certificate__Password"] = workspace.CertificatePassword;
        }

        return settings;
    }

    /// <summary>`create-admin`: the first administrator of a production install; the app migrates and seeds first.</summary>
    public static async Task CreateAdminAsync(Workspace workspace, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var environment = Environment(workspace, null);
        environment["SOCIALECONOMY_ADMIN_PASSWORD"] = password;
        using var process = Start(workspace, environment, ["create-admin", "--username", userName, "--name", "부하시험 관리자"], "create-admin.log");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"create-admin exited with {process.ExitCode}; see {Path.Combine(workspace.Directory, "create-admin.log")}");
        }
    }

    public static async Task<Portal> StartAsync(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var certificate = workspace.CreateCertificate();
        var port = FreePort();
        // The portal logs each shared plan copy it builds at Debug: on for that class only, so
        // that the run can count the rebuilds (PlanCopiesBuiltAsync). An argument, not an
        // environment variable: the shell that starts the app drops names with dots.
        var process = Start(workspace, Environment(workspace, port), ["--Serilog:MinimumLevel:Override:SocialEconomy.Web.Data.PlanSnapshots=Debug"], "portal.log");
        var portal = new Portal(process, new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), certificate, Path.Combine(workspace.Directory, "portal.log"));
        using var client = portal.Client(new CookieContainer());
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode}; see {Path.Combine(workspace.Directory, "portal.log")}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The portal did not answer /health within 2 minutes.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A client that trusts this run's certificate and nothing else, and follows no redirects.</summary>
    public HttpClient Client(CookieContainer cookies)
    {
        var thumbprint = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The resident set size (VmRSS) and its peak (VmHWM) of the app's process, in MiB.</summary>
    public (double ResidentMiB, double PeakMiB) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Kilobytes(status, "VmRSS:") / 1024.0, Kilobytes(status, "VmHWM:") / 1024.0);
    }

    /// <summary>How many shared plan copies the portal has built so far, counted in its log.</summary>
    public async Task<int> PlanCopiesBuiltAsync()
    {
        // The console sink is asynchronous: give it a moment to write the last lines.
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains("Plan copy built:", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host shuts down gracefully, as under systemd.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        Certificate.Dispose();
    }

    private static long Kilobytes(string[] status, string key) =>
        long.Parse(status.Single(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static Process Start(Workspace workspace, Dictionary<string, string> environment, string[] arguments, string logName)
    {
        // `exec` keeps one process id (the app's own, for /proc) while its console output goes
        // to a file in the run's folder instead of a pipe this program would have to drain.
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workspace.Directory,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec \"$0\" \"$@\" >'{Path.Combine(workspace.Directory, logName)}' 2>&1");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(workspace.WebAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
