package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	swaggerfiles "github.com/swaggo/files"
	ginswagger "github.com/swaggo/gin-swagger"

	"yishi/openapi"
)

// getOpenAPI3 godoc
//
//	@Summary	The OpenAPI 3 description of this API
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	object
//	@Router		/openapi.json [get]
func getOpenAPI3(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", openapi.OpenAPI3())
	return nil
}

// getSwagger godoc
//
//	@Summary	The Swagger 2.0 description of this API
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	object
//	@Router		/swagger.json [get]
func getSwagger(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", openapi.Swagger())
	return nil
}

// getDocs godoc
//
//	@Summary	Swagger UI
//	@Description	/docs/index.html renders /swagger.json; /docs redirects there.
//	@Tags		meta
//	@Produce	html
//	@Param		any	path	string	true	"asset path, e.g. index.html"
//	@Success	200	{string}	string	"HTML or asset"
//	@Router		/docs/{any} [get]
func getDocs() handlerFunc {
	ui := ginswagger.WrapHandler(swaggerfiles.Handler, ginswagger.URL("/swagger.json"))
	return func(c *gin.Context) error {
		ui(c)
		return nil
	}
}
