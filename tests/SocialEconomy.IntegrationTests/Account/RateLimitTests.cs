using System.Net;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Account;

public class RateLimitTests : IClassFixture<RateLimitTests.Factory>
{
    private readonly Factory _factory;

    public RateLimitTests(Factory factory) => _factory = factory;

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Security:SignInPermitsPerMinute"] = "3";
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanAllowedPerMinute_Are429()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = "nobody", ["Password"] = "Wrong-Password-1" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
    }
}
