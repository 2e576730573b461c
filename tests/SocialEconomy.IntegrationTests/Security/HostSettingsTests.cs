using System.Net;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// Host names and https in Production: a foreign Host header never gets a redirect to itself,
/// and a start that could not serve safely stops at once with one line saying what to set.
/// </summary>
public class HostSettingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("http://localhost/account/signin")]
    [InlineData("https://localhost/account/signin")]
    public async Task AForeignHostHeader_IsRefused_WithoutARedirectToIt(string address)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task TheServedHost_IsStillRedirectedToHttps()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("http://localhost/account/signin"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost/account/signin", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public async Task Production_WithoutNamedHosts_DoesNotStart_AndSaysWhatToSet(string allowedHosts)
    {
        await using var portal = PortalProcess.Launch(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = allowedHosts,
        });

        Assert.True(await portal.WaitForExitAsync(TimeSpan.FromSeconds(90)), portal.Output);
        Assert.Equal(1, portal.ExitCode);
        Assert.Contains("Set AllowedHosts to the host names this portal serves", portal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OnPlainHttp_WithoutATlsProxy_StopsAtStart_AndSaysWhatToSet()
    {
        await using var portal = PortalProcess.Launch(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "127.0.0.1",
        });

        Assert.True(await portal.WaitForExitAsync(TimeSpan.FromSeconds(90)), portal.Output);
        Assert.Equal(1, portal.ExitCode);
        Assert.Contains("no TLS proxy is named", portal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OnPlainHttp_BehindANamedTlsProxy_ServesItsForms()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "127.0.0.1",
            ["Security__KnownProxies__0"] = "127.0.0.1",
        });

        // The proxy terminated TLS and says so; the sign-in form (antiforgery, Secure cookies) renders.
        using var client = portal.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("__Host-se.af", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }
}
