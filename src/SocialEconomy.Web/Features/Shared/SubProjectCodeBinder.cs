using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// Every action parameter named <c>code</c> is a sub-project code from the URL; it is read in
/// the stored form (<see cref="SubProjectCode.Normalize"/>), so /plans/1/subprojects/１-１
/// finds 1-1 whichever controller answers.
/// </summary>
public sealed class SubProjectCodeBinderProvider : IModelBinderProvider
{
    public const string ParameterName = "code";

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata is { MetadataKind: ModelMetadataKind.Parameter, ParameterName: ParameterName } && context.Metadata.ModelType == typeof(string)
            ? new SubProjectCodeBinder()
            : null;
    }

    private sealed class SubProjectCodeBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            bindingContext.Result = ModelBindingResult.Success(SubProjectCode.Normalize(value.FirstValue));
            return Task.CompletedTask;
        }
    }
}
