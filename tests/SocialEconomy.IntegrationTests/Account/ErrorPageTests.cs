using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

public class ErrorPageTests : IClassFixture<ErrorPageTests.Factory>
{
    private readonly Factory _factory;

    public ErrorPageTests(Factory factory) => _factory = factory;

    /// <summary>The app plus one test-only endpoint that fails mid-request.</summary>
    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpointFilter>());
        }
    }

    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-failure", failing => failing.Run(_ => throw new InvalidOperationException("secret detail: connection string xyz")));
        };
    }

    [Fact]
    public async Task UnhandledError_ShowsAKoreanPageWithAReferenceAndNoDetails()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/test-failure", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("일시적인 오류가 발생했습니다", body, StringComparison.Ordinal);
        Assert.Contains("참조번호", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
