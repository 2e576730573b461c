using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Account;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// With no proxy named in configuration, X-Forwarded-For and -Proto from a client are ignored:
/// they change neither the sign-in rate limit's partition, nor the audited address, nor the
/// scheme. Before the fix ASP.NET Core believed every sender (both known lists were cleared).
/// </summary>
public class ForwardedHeadersTests : IClassFixture<RateLimitTests.Factory>
{
    private readonly RateLimitTests.Factory _factory;

    public ForwardedHeadersTests(RateLimitTests.Factory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_EachAttemptWithAForgedForwardedFor_IsStillRateLimited()
    {
        var client = _factory.CreateClient();
        var token = await client.AntiforgeryTokenAsync("/account/signin");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = SignInRequest(token, $"198.51.100.{i + 10}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal((HttpStatusCode)429, statuses[^1]);
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));

        // The forged addresses never reach the audit trail.
        var forged = await _factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.IpAddress != null && e.IpAddress.StartsWith("198.51.100.")));
        Assert.Equal(0, forged);
    }

    [Fact]
    public async Task PlainHttp_WithForgedForwardedProto_IsStillRedirectedToHttps()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"expected an HTTPS redirect, got {(int)response.StatusCode}");
        Assert.Equal(Uri.UriSchemeHttps, response.Headers.Location!.Scheme);
    }

    [Fact]
    public void Options_WithNoProxyNamed_TrustNoProxy()
    {
        var options = new SecurityOptions();
        Assert.False(options.TrustsAProxy);
        options.KnownNetworks.Add("10.0.8.0/24");
        Assert.True(options.TrustsAProxy);
    }

    private static HttpRequestMessage SignInRequest(string token, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = "nobody-" + forwardedFor.Replace('.', '-'),
                ["Password"] = "Wrong-Password-1",
            }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}
