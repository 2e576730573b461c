using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// The other side of ForwardedHeadersTests: from a proxy named in Security:KnownProxies the
/// forwarded client address is believed, so it is the one audited. The test server has no
/// remote address of its own; every request here arrives from the named proxy's address.
/// </summary>
public class NamedProxyTests(NamedProxyTests.Factory factory) : IClassFixture<NamedProxyTests.Factory>
{
    private const string Proxy = "10.0.8.5";

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Security:KnownProxies:0"] = Proxy;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, FromProxy>());
        }
    }

    [Fact]
    public async Task TheNamedProxysForwardedFor_IsTheAuditedAddress()
    {
        var client = factory.CreateClient();
        var token = await client.AntiforgeryTokenAsync("/account/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = "nobody-behind-proxy",
                ["Password"] = "Wrong-Password-1",
            }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == "nobody-behind-proxy").Select(a => a.IpAddress).SingleAsync());
        Assert.Equal("203.0.113.7", audited);
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
