using System.Net;
using SocialEconomy.BrowserTests.Infrastructure;

namespace SocialEconomy.BrowserTests.Security;

/// <summary>The default request body limit (Security:MaxRequestBodyBytes, 1 MB) on the real server, Kestrel.</summary>
public class RequestLimitTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BodyOverTheDefaultLimit_IsRefusedBeforeTheAppReadsIt()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var small = new ByteArrayContent(new byte[512 * 1024]);
        small.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var smallResponse = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), small);

        using var large = new ByteArrayContent(new byte[(2 * 1024 * 1024) + 1]);
        large.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var largeResponse = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), large);

        // Under the limit the request reaches the app (refused there, in Korean, for its missing
        // token); over it the answer is 413 before anything reads the body.
        Assert.Equal(HttpStatusCode.BadRequest, smallResponse.StatusCode);
        Assert.Contains("요청을 처리할 수 없습니다", await smallResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(largeResponse.StatusCode == HttpStatusCode.RequestEntityTooLarge, await largeResponse.Content.ReadAsStringAsync());
        Assert.Contains("보낸 내용이 너무 큽니다", await largeResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
