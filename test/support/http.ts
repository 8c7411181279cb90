import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export type Route = (req: IncomingMessage, res: ServerResponse) => void

/** A loopback HTTP server for "fetch this URL" tests; closed after the test. */
export async function loopbackServer(routes: Record<string, Route>): Promise<{ url: (path: string) => string; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    const route = routes[(req.url ?? '').split('?')[0]]
    if (route) route(req, res)
    else {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  afterEach(() => new Promise<void>((r) => {
    server.closeAllConnections()
    server.close(() => r())
  }))
  const port = (server.address() as AddressInfo).port
  return { url: (path) => `http://127.0.0.1:${port}${path}`, hits }
}

export const html = (body: string): Route => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(body)
}

/** A real 40×30 PNG: big enough not to count as a tracking pixel. */
export const PNG_40x30 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAI1klEQVR4nA3Voc6CUACA0ZscwcBMJEcwMNNNjmBgJpIjGJiJ5AgGZiIxgoGZSI5gYCaSIxiY6Sb3BQMzkRzBwHyK/z8vcQRCMBKMBROBIZgKZoK5QAoWgqVgJXAFa8FGsBUEgp1gLzgIYkEiOApOglxwFlwEV0EluAnugodACZ6Cl+At6AQfwVfwEwKhMdIYa0w0DI2pxkxjriE1FhpLjZWGq7HW2GhsNQKNncZe46ARayQaR42TRq5x1rhoXDUqjZvGXeOhoTSeGi+Nt0an8dH4avw0gdAZ6Yx1JjqGzlRnpjPXkToLnaXOSsfVWetsdLY6gc5OZ69z0Il1Ep2jzkkn1znrXHSuOpXOTeeu89BROk+dl85bp9P56Hx1frpAGIwMxgYTA8NgajAzmBtIg4XB0mBl4BqsDTYGW4PAYGewNzgYxAaJwdHgZJAbnA0uBleDyuBmcDd4GCiDp8HL4G3QGXwMvgY/QyBMRiZjk4mJYTI1mZnMTaTJwmRpsjJxTdYmG5OtSWCyM9mbHExik8TkaHIyyU3OJheTq0llcjO5mzxMlMnT5GXyNulMPiZfk58pEBYji7HFxMKwmFrMLOYW0mJhsbRYWbgWa4uNxdYisNhZ7C0OFrFFYnG0OFnkFmeLi8XVorK4WdwtHhbK4mnxsnhbdBYfi6/FzxIIyUgylkwkhmQqmUnmEilZSJaSlcSVrCUbyVYSSHaSveQgiSWJ5Cg5SXLJWXKRXCWV5Ca5Sx4SJXlKXpK3pJN8JF/JTwqEzchmbDOxMWymNjObuY20WdgsbVY2rs3aZmOztQlsdjZ7m4NNbJPYHG1ONrnN2eZic7WpbG42d5uHjbJ52rxs3jadzcfma/OzBcJh5DB2mDgYDlOHmcPcQTosHJYOKwfXYe2wcdg6BA47h73DwSF2SByODieH3OHscHG4OlQON4e7w8NBOTwdXg5vh87h4/B1+DkC4TJyGbtMXAyXqcvMZe4iXRYuS5eVi+uydtm4bF0Cl53L3uXgErskLkeXk0vucna5uFxdKpeby93l4aJcni4vl7dL5/Jx+br8XIHwGHmMPSYehsfUY+Yx95AeC4+lx8rD9Vh7bDy2HoHHzmPvcfCIPRKPo8fJI/c4e1w8rh6Vx83j7vHwUB5Pj5fH26Pz+Hh8PX6eQPiMfMY+Ex/DZ+oz85n7SJ+Fz9Jn5eP6rH02PlufwGfns/c5+MQ+ic/R5+ST+5x9Lj5Xn8rn5nP3efgon6fPy+ft0/l8fL4+P18gAkYB44BJgBEwDZgFzANkwCJgGbAKcAPWAZuAbUAQsAvYBxwC4oAk4BhwCsgDzgGXgGtAFXALuAc8AlTAM+AV8A7oAj4B34BfIBAho5BxyCTECJmGzELmITJkEbIMWYW4IeuQTcg2JAjZhexDDiFxSBJyDDmF5CHnkEvINaQKuYXcQx4hKuQZ8gp5h3Qhn5BvyC8UiIhRxDhiEmFETCNmEfMIGbGIWEasItyIdcQmYhsRROwi9hGHiDgiiThGnCLyiHPEJeIaUUXcIu4RjwgV8Yx4RbwjuohPxDfiFwlEzChmHDOJMWKmMbOYeYyMWcQsY1Yxbsw6ZhOzjQlidjH7mENMHJPEHGNOMXnMOeYSc42pYm4x95hHjIp5xrxi3jFdzCfmG/OLBSJllDJOmaQYKdOUWco8RaYsUpYpqxQ3ZZ2ySdmmBCm7lH3KISVOSVKOKaeUPOWcckm5plQpt5R7yiNFpTxTXinvlC7lk/JN+aX/H2eMMsYZkwwjY5oxy5hnyIxFxjJjleFmrDM2GduMIGOXsc84ZMQZScYx45SRZ5wzLhnXjCrjlnHPeGSojGfGK+Od0WV8Mr4Zv+z/45xRzjhnkmPkTHNmOfMcmbPIWeasctycdc4mZ5sT5Oxy9jmHnDgnyTnmnHLynHPOJeeaU+Xccu45jxyV88x55bxzupxPzjfnl/9/XDAqGBdMCoyCacGsYF4gCxYFy4JVgVuwLtgUbAuCgl3BvuBQEBckBceCU0FecC64FFwLqoJbwb3gUaAKngWvgndBV/Ap+Bb8iv+PS0Yl45JJiVEyLZmVzEtkyaJkWbIqcUvWJZuSbUlQsivZlxxK4pKk5FhyKslLziWXkmtJVXIruZc8SlTJs+RV8i7pSj4l35Jf+f9xxahiXDGpMCqmFbOKeYWsWFQsK1YVbsW6YlOxrQgqdhX7ikNFXJFUHCtOFXnFueJSca2oKm4V94pHhap4Vrwq3hVdxafiW/Gr/j+uGdWMayY1Rs20ZlYzr5E1i5plzarGrVnXbGq2NUHNrmZfc6iJa5KaY82pJq8511xqrjVVza3mXvOoUTXPmlfNu6ar+dR8a371/8cNo4Zxw6TBaJg2zBrmDbJh0bBsWDW4DeuGTcO2IWjYNewbDg1xQ9JwbDg15A3nhkvDtaFquDXcGx4NquHZ8Gp4N3QNn4Zvw6/5/1gxUowVE4WhmCpmirlCKhaKpWKlcBVrxUaxVQSKnWKvOChiRaI4Kk6KXHFWXBRXRaW4Ke6Kh0IpnoqX4q3oFB/FV/FT/x/DCMYwAQOmMIM5SFjAElbgwho2sIUAdrCHA8SQwBFOkMMZLnCFCm5whwcoeMIL3tDBB77w4//jllHLuGXSYrRMW2Yt8xbZsmhZtqxa3JZ1y6Zl2xK07Fr2LYeWuCVpObacWvKWc8ul5dpStdxa7i2PFtXybHm1vFu6lk/Lt+XX/n/cMeoYd0w6jI5px6xj3iE7Fh3LjlWH27Hu2HRsO4KOXce+49ARdyQdx45TR95x7rh0XDuqjlvHvePRoTqeHa+Od0fX8en4dvy6/497Rj3jnkmP0TPtmfXMe2TPomfZs+pxe9Y9m55tT9Cz69n3HHrinqTn2HPqyXvOPZeea0/Vc+u59zx6VM+z59Xz7ul6Pj3fnl////HAaGA8MBkwBqYDs4H5gBxYDCwHVgPuwHpgM7AdCAZ2A/uBw0A8kAwcB04D+cB54DJwHagGbgP3gceAGngOvAbeA93AZ+A78Bv+APRo7hpwJt+mAAAAAElFTkSuQmCC',
  'base64'
)
export const png = (): Route => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'image/png' })
  res.end(PNG_40x30)
}
