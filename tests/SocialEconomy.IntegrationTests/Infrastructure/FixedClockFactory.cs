using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>The portal with a clock that stands still at <see cref="Now"/>: every time the app reads is its.</summary>
public abstract class FixedClockFactory(DateTimeOffset now) : PortalFactory
{
    public DateTimeOffset Now { get; } = now;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(Now))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
