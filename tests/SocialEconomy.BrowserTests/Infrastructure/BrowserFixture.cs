using Microsoft.Playwright;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real loopback port (Kestrel inside WebApplicationFactory) and one
/// headless Debian Chromium driven by Playwright; Playwright's own browser download is not
/// available here, so the system browser is used (CHROMIUM_PATH overrides its path).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Kestrel serves plain http on loopback here, so cookies cannot be Secure.
        Portal.Settings["Security:RequireSecureCookies"] = "false";
        Portal.Settings.Remove("https_port");
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseAddress = Portal.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="width">The viewport's width; 390 is the narrow phone every page must fit.</param>
    public async Task<IPage> NewPageAsync(int? width = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "ko-KR",
            ViewportSize = width is { } w ? new ViewportSize { Width = w, Height = 844 } : null,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the sign-in form as a new user of <paramref name="role"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string role, params string[] departments)
    {
        var userName = $"b-{Guid.NewGuid():N}"[..20];
        await Portal.CreateUserAsync(userName, role, departments);
        return await SignInAsAsync(userName, role);
    }

    /// <summary>A page signed in through the sign-in form as an existing account (of any government).</summary>
    public async Task<IPage> SignInAsAsync(string userName, string role, int? width = null)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("아이디").FillAsync(userName);
        await page.GetByLabel("비밀번호").FillAsync(PortalFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        try
        {
            // 60 s, not Playwright's 30: CI runs several portals and browsers on two cores, and
            // one sign-in there once took longer than 30 s (it passed alone in 26 s for the class).
            await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Say what the page showed, so a refused sign-in is told apart from a slow one.
            throw new InvalidOperationException($"Signing in as {role} did not leave the sign-in page within 60 s; the page shows: {await page.Locator("main").InnerTextAsync()}");
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
