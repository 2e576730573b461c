namespace SocialEconomy.Web.Security;

/// <summary>Only GET, HEAD and POST are answered; anything else is 405 (KISA: 불필요한 HTTP 메소드).</summary>
public sealed class MethodFilterMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD, POST";
        return Task.CompletedTask;
    }
}
