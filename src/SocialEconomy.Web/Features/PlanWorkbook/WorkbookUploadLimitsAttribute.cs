using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// [RequestSizeLimit] and [RequestFormLimits] with the configured PlanWorkbook:MaxUploadBytes
/// (attribute arguments must be constants). A request that declares a larger body is answered
/// before a byte of it is read (the 50 MB file of the issue); one that grows past the limit
/// while streaming is stopped by the body-size and multipart limits. Either way the import page
/// says so in Korean, with 413. Runs at order 900, as the framework's own size filters do:
/// before antiforgery (1000) reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkbookUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public int Order { get; set; } = 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new UploadLimitsFilter(serviceProvider.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value);

    private sealed class UploadLimitsFilter(PlanWorkbookOptions options) : IAsyncAuthorizationFilter, IRequestSizePolicy, IRequestFormLimitsPolicy
    {
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var request = http.Request;
            if (request.ContentLength > options.MaxRequestBytes)
            {
                context.Result = TooLarge(context);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = options.MaxRequestBytes;
            }

            if (!request.HasFormContentType)
            {
                return;
            }

            if (http.Features.Get<IFormFeature>() is not { Form: not null })
            {
                http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
                {
                    MultipartBodyLengthLimit = options.MaxRequestBytes,
                    ValueCountLimit = 16,
                }));
            }

            try
            {
                // Read here, inside the limits, so that a too large body gets the Korean page
                // rather than antiforgery's bare 400.
                await request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Result = TooLarge(context);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Result = TooLarge(context);
            }
        }

        private ViewResult TooLarge(AuthorizationFilterContext context)
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            return new ViewResult
            {
                ViewName = "Import",
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ViewData = new ViewDataDictionary<PlanImportViewModel>(metadata, context.ModelState)
                {
                    Model = PlanImportViewModel.For(options, problems: [WorkbookProblem.OfFile(WorkbookGuard.TooLarge(options))]),
                },
            };
        }
    }
}
