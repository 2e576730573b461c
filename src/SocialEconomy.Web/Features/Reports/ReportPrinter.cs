using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace SocialEconomy.Web.Features.Reports;

public sealed class ReportOptions
{
    /// <summary>Debian's chromium; CHROMIUM_PATH overrides it, as for the browser tests.</summary>
    public string ChromiumPath { get; set; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Pages printed at the same time; more wait their turn.</summary>
    public int MaxParallelPages { get; set; } = 2;
}

/// <summary>No browser could be started: the report cannot be printed now.</summary>
public sealed class ReportPrinterUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Prints a report's HTML to an A4 PDF with headless Chromium. One browser per process,
/// started on first use and reused; pages are printed in parallel up to a limit. The page
/// is loaded from a private origin whose every request is answered from the app's own
/// wwwroot (styles, the Pretendard GOV font), so printing needs no network, no port and no
/// sign-in of the browser.
/// </summary>
public sealed class ReportPrinter(IOptions<ReportOptions> options, IWebHostEnvironment environment, ILogger<ReportPrinter> log) : IAsyncDisposable
{
    public const string Origin = "http://report.invalid";

    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly SemaphoreSlim _pages = new(Math.Max(1, options.Value.MaxParallelPages));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync();
        await _pages.WaitAsync(cancellationToken);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", JavaScriptEnabled = false });
            try
            {
                var page = await context.NewPageAsync();
                await page.RouteAsync($"{Origin}/**", route => FulfilAsync(route, html));
                // The load event waits for the style sheets; the fonts they name load once layout
                // asks for them, so layout is forced and then document.fonts.ready awaited.
                // NetworkIdle would add its fixed 500 ms of quiet to every PDF and wait for nothing more.
                await page.GotoAsync($"{Origin}/report", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                await page.EvaluateAsync("() => { void document.body.offsetHeight; return document.fonts.ready.then(() => document.fonts.status); }").ConfigureAwait(false);
                return await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    PrintBackground = true,
                    PreferCSSPageSize = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<div></div>",
                    FooterTemplate = "<div style=\"width:100%;font-size:9px;text-align:center;color:#444\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
                    Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
                });
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _start.Dispose();
        _pages.Dispose();
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _start.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            log.LogInformation("Report browser started ({Path})", options.Value.ChromiumPath);
            return _browser;
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            log.LogError(e, "The report browser could not be started from {Path}", options.Value.ChromiumPath);
            throw new ReportPrinterUnavailableException("PDF를 만들 브라우저를 시작하지 못했습니다.", e);
        }
        finally
        {
            _start.Release();
        }
    }

    /// <summary>The report itself at /report; anything else from wwwroot, or 404. Nothing leaves the process.</summary>
    private Task FulfilAsync(IRoute route, string html)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        if (path == "/report")
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
        }

        var file = environment.WebRootFileProvider.GetFileInfo(Uri.UnescapeDataString(path));
        if (!file.Exists || file.IsDirectory || path.Contains("..", StringComparison.Ordinal))
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        }

        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ContentType(path), BodyBytes = buffer.ToArray() });
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSS" => "text/css",
        ".WOFF2" => "font/woff2",
        ".WOFF" => "font/woff",
        ".SVG" => "image/svg+xml",
        ".PNG" => "image/png",
        _ => "application/octet-stream",
    };
}
