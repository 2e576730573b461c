using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>
/// The portal as a process of its own (`dotnet SocialEconomy.Web.dll`), for what only a real
/// start shows: start-up refusals, exit codes, a process killed in the middle of a request.
/// It runs the build beside the tests, in a folder of its own with its own SQLite file.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Directory { get; private init; } = "";

    public string DatabasePath => Path.Combine(Directory, "socialeconomy.db");

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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the app with <paramref name="settings"/> as environment variables (Production unless set).</summary>
    public static PortalProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(Path.GetTempPath(), "socialeconomy-process", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SocialEconomy.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_CONTENTROOT"] = WebProjectDirectory();
        info.Environment["ConnectionStrings__SocialEconomy"] = $"Data Source={Path.Combine(directory, "socialeconomy.db")}";
        info.Environment["Security__KeysDirectory"] = Path.Combine(directory, "keys");
        info.Environment["Serilog__WriteTo__1__Args__configure__0__Args__path"] = Path.Combine(directory, "logs", "portal-.log");
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        return new PortalProcess(process) { Directory = directory };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to end by itself; false when it still runs after <paramref name="timeout"/>.</summary>
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

    /// <summary>Waits until <paramref name="address"/> answers /health; false when the process ends or time runs out.</summary>
    public async Task<bool> WaitUntilServingAsync(Uri address, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left under /tmp for the OS.
        }
    }

    private static string WebProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialEconomy.sln")))
            {
                return Path.Combine(directory.FullName, "src", "SocialEconomy.Web");
            }
        }

        throw new InvalidOperationException("The repository root (SocialEconomy.sln) was not found above the test binaries.");
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
}
